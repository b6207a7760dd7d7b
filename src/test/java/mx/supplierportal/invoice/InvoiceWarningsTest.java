package mx.supplierportal.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import mx.supplierportal.cfdi.Finding;
import org.junit.jupiter.api.Test;

class InvoiceWarningsTest {

    @Test
    void aWarningKeepsItsArgumentsSoItReadsInEitherLanguage() {
        String stored = InvoiceWarnings.encode(List.of(Finding.warning("RFC-CHECK-DIGIT", "emisor", "EKU9003173C8")));
        Finding read = InvoiceWarnings.decode(stored).get(0);
        assertThat(read.message(Locale.ENGLISH)).isEqualTo("Warning: the check digit of the emisor RFC "
                + "(EKU9003173C8) does not match SAT's calculation. Some real RFCs fail it; confirm it.");
        assertThat(read.message(Locale.forLanguageTag("es"))).startsWith("Atención: el dígito verificador del RFC "
                + "del emisor (EKU9003173C8)");
    }

    @Test
    void noWarningsIsNothingStoredAndOlderRowsWithCodesOnlyStillRead() {
        assertThat(InvoiceWarnings.encode(List.of())).isNull();
        assertThat(InvoiceWarnings.decode(null)).isEmpty();
        assertThat(InvoiceWarnings.decode("TFD-MISSING,RFC-CHECK-DIGIT")).extracting(Finding::code)
                .containsExactly("TFD-MISSING", "RFC-CHECK-DIGIT");
    }

    @Test
    void argumentsTooLongForTheColumnAreDroppedButTheWarningsStay() {
        String stored = InvoiceWarnings.encode(List.of(Finding.warning("SEAL-UNVERIFIABLE-COMPLEMENT",
                "x".repeat(3000)), Finding.warning("RFC-CHECK-DIGIT", "emisor", "EKU9003173C8")));
        assertThat(stored.length()).isLessThanOrEqualTo(2000);
        assertThat(InvoiceWarnings.decode(stored)).extracting(Finding::code)
                .containsExactly("SEAL-UNVERIFIABLE-COMPLEMENT", "RFC-CHECK-DIGIT");
    }
}
