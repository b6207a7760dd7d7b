package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RfcTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "EKU9003173C9", // SAT test CSD issuer (legal entity)
            "SAT970701NN3", // SAT itself
            "IIA040805DZ4", "XIA190128J61", // SAT's published test RFCs
            "CACX7605101P8", // an individual (13 characters)
            "XAXX010101000", // generic national
            "XEXX010101000", // generic foreign
            " eku9003173c9 " // typed with spaces and lower case
    })
    void realRfcsAreValid(String rfc) {
        assertThat(Rfc.check(rfc)).isEqualTo(Rfc.Verdict.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EKU9003173C8", "SAT970701NN4",
            "MCI7306249Y1" // receptor of the shared stamped sample: a SAT test RFC that fails the check digit
    })
    void wrongCheckDigitIsOnlyAMismatch(String rfc) {
        assertThat(Rfc.check(rfc)).isEqualTo(Rfc.Verdict.CHECK_DIGIT_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EKU", "EKU9003173C", "EKU9013173C9", "EKU9002303C9", "EK19003173C9",
            "EKU9003173C9X", "EKUU9003173C9A", "EKU-900317-3C9"})
    void malformedRfcs(String rfc) {
        assertThat(Rfc.check(rfc)).isEqualTo(Rfc.Verdict.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EKU9003173C9", "MCI7306249Y1"})
    void legalEntitiesHaveTwelveCharacters(String rfc) {
        assertThat(Rfc.isLegalEntity(rfc)).isTrue();
    }
}
