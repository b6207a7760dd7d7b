package mx.supplierportal.signup;

import java.math.BigDecimal;

/** A number of stamps sold together at a price (configured: {@code portal.self-registration.sales.packages}). */
public record StampPackage(int stamps, BigDecimal price) {
}
