package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ISO 11649 creditor references: the standard's own example, and the typos its check digits catch. */
class PaymentReferenceTest {

    @Test
    void theStandardsExampleGetsItsCheckDigits() {
        assertThat(PaymentReference.of("539007547034")).isEqualTo("RF18539007547034");
        assertThat(PaymentReference.isValid("RF18 5390 0754 7034")).isTrue();
    }

    @Test
    void anOrdersReferenceIsValidAndTyposAreCaught() {
        String reference = PaymentReference.of("TIM000000042");
        assertThat(reference).startsWith("RF").hasSize(16);
        assertThat(PaymentReference.isValid(reference)).isTrue();
        assertThat(PaymentReference.isValid(reference.replace("42", "24"))).as("two digits swapped").isFalse();
        assertThat(PaymentReference.isValid(reference.replace("42", "43"))).as("one digit wrong").isFalse();
        assertThat(PaymentReference.isValid("RF00TIM000000042")).isFalse();
        assertThat(PaymentReference.isValid(null)).isFalse();
    }

    @Test
    void aBodyThatCannotBeAReferenceIsRefused() {
        assertThatThrownBy(() -> PaymentReference.of("TIM-42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReference.of("A".repeat(22))).isInstanceOf(IllegalArgumentException.class);
    }
}
