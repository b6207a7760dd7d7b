package mx.supplierportal.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankAccountNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"002010077777777771", "032180000118359719", "646180157000000004", "0121 8000 1234 5678 99"})
    void validClabes(String clabe) { // 032180000118359719 is the example in Banxico's CLABE description
        assertThat(BankAccountNumbers.clabeProblem(clabe)).isNull();
    }

    @Test
    void clabeCheckDigitAndFormat() {
        assertThat(BankAccountNumbers.clabeProblem("012180001234567898")).isEqualTo("bank.clabe.checkDigit");
        assertThat(BankAccountNumbers.clabeProblem("01218000123456789")).isEqualTo("bank.clabe.format");
        assertThat(BankAccountNumbers.clabeProblem("01218000123456789X")).isEqualTo("bank.clabe.format");
        assertThat(BankAccountNumbers.clabeProblem(null)).isEqualTo("bank.clabe.format");
    }

    @Test
    void iban() {
        assertThat(BankAccountNumbers.ibanProblem("DE89 3704 0044 0532 0130 00")).isNull();
        assertThat(BankAccountNumbers.ibanProblem("GB82 WEST 1234 5698 7654 32")).isNull();
        assertThat(BankAccountNumbers.ibanProblem("DE89 3704 0044 0532 0130 01")).isEqualTo("bank.iban.checkDigit");
        assertThat(BankAccountNumbers.ibanProblem("DE89")).isEqualTo("bank.iban.format");
        assertThat(BankAccountNumbers.usesIban("DE")).isTrue();
        assertThat(BankAccountNumbers.usesIban("US")).isFalse();
        assertThat(BankAccountNumbers.usesIban("MX")).isFalse();
    }

    @Test
    void bic() {
        assertThat(BankAccountNumbers.bicProblem("DEUTDEFF")).isNull();
        assertThat(BankAccountNumbers.bicProblem("BOFAUS3NXXX")).isNull();
        assertThat(BankAccountNumbers.bicProblem("DEUT1EFF")).isEqualTo("bank.bic.format");
        assertThat(BankAccountNumbers.bicProblem("ABC")).isEqualTo("bank.bic.format");
    }

    @Test
    void abaRoutingNumber() {
        assertThat(BankAccountNumbers.abaProblem("011000015")).isNull(); // Federal Reserve Bank of Boston
        assertThat(BankAccountNumbers.abaProblem("026009593")).isNull(); // Bank of America NY
        assertThat(BankAccountNumbers.abaProblem("026009594")).isEqualTo("bank.aba.checkDigit");
        assertThat(BankAccountNumbers.abaProblem("12345")).isEqualTo("bank.aba.format");
    }

    @Test
    void countries() {
        assertThat(BankAccountNumbers.countryProblem("us")).isNull();
        assertThat(BankAccountNumbers.countryProblem("XX")).isEqualTo("bank.country.format");
    }
}
