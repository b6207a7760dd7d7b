package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAT's 69-B list is read as SAT publishes it, and an issuer on it is judged by its situation. */
class EfosListTest {

    private static final EfosCsv LIST = new EfosCsv("30 de septiembre de 2025")
            .add("EKU9003173C9", "ESCUELA KEMPER URGATE, S.A.\nDE C.V.", "Definitivo")
            .add("CSM190311AH6", "CREATIVITY AND SOMETHING MORE \"CSM\"", "Presunto")
            .add("XOJI740919U48", "INGRID XODAR JIMENEZ", "Desvirtuado")
            .add("MCI7306249Y1", "MUNICIPIO", "Sentencia Favorable");

    @Test
    void readsSatsFileWithItsTitleLinesQuotedLineBreaksAndLatin1() throws Exception {
        EfosList list = EfosList.parse(LIST.bytes());
        assertThat(list.cutDate()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.find(" eku9003173c9 ")).hasValueSatisfying(e -> {
            assertThat(e.situation()).isEqualTo(EfosList.Situation.DEFINITIVO);
            assertThat(e.name()).isEqualTo("ESCUELA KEMPER URGATE, S.A. DE C.V.");
        });
        assertThat(list.find("CSM190311AH6").orElseThrow().name()).isEqualTo("CREATIVITY AND SOMETHING MORE \"CSM\"");
        assertThat(list.find("MCI7306249Y1").orElseThrow().situation())
                .isEqualTo(EfosList.Situation.SENTENCIA_FAVORABLE);
        assertThat(list.find("AAA010101AAA")).isEmpty();
        // the same file saved again as UTF-8 by a spreadsheet reads the same
        assertThat(EfosList.parse(LIST.bytes(StandardCharsets.UTF_8)).byRfc()).isEqualTo(list.byRfc());
    }

    @Test
    void aFileThatIsNotTheListIsRefused() {
        assertThatThrownBy(() -> EfosList.parse("uuid,total\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EfosList.FormatException.class).hasMessageContaining("RFC");
        assertThatThrownBy(() -> EfosList.parse(new EfosCsv("1 de enero de 2025").bytes()))
                .isInstanceOf(EfosList.FormatException.class).hasMessageContaining("no taxpayer");
    }

    @Test
    void aDefinitivoIssuerIsRefusedCitingArticle69BAndAPresuntoOneIsAWarning() throws Exception {
        EfosList list = EfosList.parse(LIST.bytes());
        CfdiValidator validator = TestCfdis.validator();
        byte[] fromEku = TestCfdis.signed(TestCfdis.invoice());

        ValidationReport definitivo = validator.validate(fromEku, ValidationContext.NONE.withEfos(list));
        assertThat(definitivo.valid()).isFalse();
        Finding refused = definitivo.findings().stream().filter(f -> f.code().equals("EFOS-DEFINITIVO")).findFirst()
                .orElseThrow();
        assertThat(refused.message(Locale.forLanguageTag("es"))).contains("EKU9003173C9",
                "art. 69-B del Código Fiscal de la Federación", "lista al 30/09/2025");
        assertThat(validator.validate(fromEku, ValidationContext.NONE).has("EFOS-DEFINITIVO")).isFalse();

        EfosList presunto = EfosList.of(list.cutDate(), java.util.List.of(
                new EfosList.Entry("EKU9003173C9", "ESCUELA KEMPER URGATE", EfosList.Situation.PRESUNTO)));
        ValidationReport warned = validator.validate(fromEku, ValidationContext.NONE.withEfos(presunto));
        assertThat(warned.valid()).isTrue();
        assertThat(warned.findings()).filteredOn(f -> f.code().equals("EFOS-PRESUNTO")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);

        EfosList desvirtuado = EfosList.of(list.cutDate(), java.util.List.of(
                new EfosList.Entry("EKU9003173C9", "ESCUELA KEMPER URGATE", EfosList.Situation.DESVIRTUADO)));
        assertThat(validator.validate(fromEku, ValidationContext.NONE.withEfos(desvirtuado)).findings())
                .extracting(Finding::code).noneMatch(c -> c.startsWith("EFOS-"));
    }

    @Test
    void theCommandLineChecksIssuersAgainstAListOffline(@TempDir Path folder) throws Exception {
        Path csv = Files.write(folder.resolve("Listado_Completo_69-B.csv"), LIST.bytes());
        Path invoice = Files.write(folder.resolve("eku.xml"), TestCfdis.signed(TestCfdis.invoice()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CfdiCommand.run(new String[] {"validate", "--lang", "en", "--efos", csv.toString(),
            invoice.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("69-B 4 2025-09-30")
                .contains("ERROR EFOS-DEFINITIVO The issuer EKU9003173C9 is on SAT's definitive list")
                .contains("INVALID " + invoice);

        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        int missing = CfdiCommand.run(new String[] {"validate", "--lang", "en", "--efos",
            folder.resolve("nowhere.csv").toString(), invoice.toString()}, System.out,
                new PrintStream(problems, true, StandardCharsets.UTF_8));
        assertThat(missing).isEqualTo(2);
        assertThat(problems.toString(StandardCharsets.UTF_8)).contains("The file " + folder.resolve("nowhere.csv")
                + " does not exist.");
    }
}
