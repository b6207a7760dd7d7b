package mx.supplierportal.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the API's answers write values that the database keeps otherwise. */
public final class ApiJson {

    private ApiJson() {
    }

    /** An amount with two decimals, as a CFDI writes pesos and dollars (the database keeps six): 3327.01. */
    public static BigDecimal amount(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
