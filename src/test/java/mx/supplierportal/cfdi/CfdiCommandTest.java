package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfdi validate}: lines, verdicts and exit codes. (The jar's entry point is tried by .ci/run too.) */
class CfdiCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CfdiCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String file(String name, byte[] content) throws Exception {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path.toString();
    }

    @Test
    void bothSharedSamplesAreValid() throws Exception {
        String stamped = file("stamped.xml", Samples.bytes(Samples.STAMPED));
        String unstamped = file("unstamped.xml", Samples.bytes(Samples.UNSTAMPED));
        Run run = run("validate", stamped, unstamped);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("VALID " + stamped + "\n").contains("VALID " + unstamped + "\n")
                .contains("WARNING TFD-MISSING El CFDI no está timbrado")
                .contains("WARNING TFD-TEST-STAMP El CFDI fue timbrado en el ambiente de pruebas del SAT");
    }

    @Test
    void asInProductionATestStampIsInvalid() throws Exception {
        String stamped = file("stamped.xml", Samples.bytes(Samples.STAMPED));
        Run run = run("validate", "--lang", "en", "--production", stamped);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR TFD-TEST-STAMP The CFDI was stamped in SAT's test environment")
                .contains("INVALID " + stamped + "\n");
    }

    @Test
    void oneCharacterEditIsInvalidNamingTheSealRule() throws Exception {
        String edited = file("edited.xml", Samples.utf8(Samples.text(Samples.STAMPED)
                .replace("Portable tetris", "Portable tetrix")));
        Run run = run("validate", "--lang", "en", edited);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR SEAL-INVALID The issuer's seal is not valid")
                .endsWith("INVALID " + edited + "\n");
    }

    @Test
    void xxeIsAClearFindingAndReadsNoFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "DO-NOT-LEAK");
        String xxe = file("xxe.xml", ("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><c>&x;</c>").getBytes(StandardCharsets.UTF_8));
        Run run = run("validate", xxe);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("ERROR XML-DTD").contains("UNREADABLE " + xxe).doesNotContain("DO-NOT-LEAK");
    }

    @Test
    void receptorAndStampOptions() throws Exception {
        String stamped = file("stamped.xml", Samples.bytes(Samples.STAMPED));
        String unstamped = file("unstamped.xml", Samples.bytes(Samples.UNSTAMPED));
        Run receptor = run("validate", "--receptor", "cosc8001137na", stamped, unstamped);
        assertThat(receptor.exit()).isEqualTo(1);
        assertThat(receptor.out()).contains("ERROR CTX-RECEPTOR").contains("INVALID " + stamped)
                .contains("VALID " + unstamped);
        Run stamp = run("validate", "--require-stamp", unstamped);
        assertThat(stamp.exit()).isEqualTo(1);
        assertThat(stamp.out()).contains("ERROR TFD-MISSING");
    }

    @Test
    void unreadableWinsOverInvalid() throws Exception {
        String edited = file("edited.xml", Samples.utf8(Samples.text(Samples.STAMPED).replace("3327.01", "3327.02")));
        Run run = run("validate", edited, dir.resolve("missing.xml").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("INVALID " + edited).contains("UNREADABLE " + dir.resolve("missing.xml"));
    }

    @Test
    void wrongUsage() {
        List<String[]> wrong = new ArrayList<>();
        wrong.add(new String[] {});
        wrong.add(new String[] {"check", "a.xml"});
        wrong.add(new String[] {"validate"});
        wrong.add(new String[] {"validate", "--lang", "fr", "a.xml"});
        wrong.add(new String[] {"validate", "--unknown", "a.xml"});
        for (String[] args : wrong) {
            Run run = run(args);
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("usage: cfdi validate");
        }
    }

    @Test
    void withJsonEachFileIsAnObjectWithTheApisFindingShape() throws Exception {
        String stamped = file("stamped.xml", Samples.bytes(Samples.STAMPED));
        String edited = file("edited.xml", Samples.utf8(Samples.text(Samples.STAMPED)
                .replace("Portable tetris", "Portable tetrix")));
        String missing = dir.resolve("nada.xml").toString();
        Run run = run("validate", "--json", "--lang", "en", stamped, edited, missing);
        assertThat(run.exit()).isEqualTo(2);
        com.fasterxml.jackson.databind.JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out());
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("file").asText()).isEqualTo(stamped);
        assertThat(results.get(0).get("verdict").asText()).isEqualTo("VALID");
        com.fasterxml.jackson.databind.JsonNode seal = null;
        for (com.fasterxml.jackson.databind.JsonNode finding : results.get(1).get("findings")) {
            if (finding.get("code").asText().equals("SEAL-INVALID")) {
                seal = finding;
            }
        }
        assertThat(seal).as("the seal finding").isNotNull();
        assertThat(results.get(1).get("verdict").asText()).isEqualTo("INVALID");
        assertThat(seal.get("code").asText()).isEqualTo("SEAL-INVALID");
        assertThat(seal.get("severity").asText()).isEqualTo("ERROR");
        assertThat(seal.get("message").asText()).startsWith("The issuer's seal is not valid");
        java.util.List<String> fields = new java.util.ArrayList<>();
        seal.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("code", "severity", "message"); // as in the API's problem findings
        assertThat(results.get(2).get("verdict").asText()).isEqualTo("UNREADABLE");
        assertThat(results.get(2).get("findings").get(0).get("code").asText()).isEqualTo("FILE-MISSING");
        assertThat(run.err()).isEmpty();
    }
}
