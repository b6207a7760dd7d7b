package mx.supplierportal.cfdi;

import java.util.LinkedHashMap;
import java.util.Map;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar supplier-portal.jar cfdi validate [--lang es|en] [--receptor RFC] [--require-stamp] [--json]
 * FILE...} — starts no web server and no database. For each file: one line per finding, then a verdict line; with
 * {@code --json} one JSON array instead, an object per file ({@code file}, {@code verdict} VALID|INVALID|UNREADABLE,
 * {@code findings} each with code, severity and message — the shape of the REST API's problem findings). Exit code
 * 0 when every file is valid, 1 when any is invalid, 2 when any cannot be read (or the command is wrong).
 */
public final class CfdiCommand {

    static final String USAGE = "usage: cfdi validate [--lang es|en] [--receptor RFC] [--require-stamp] "
            + "[--sat-certs DIR] [--production] [--efos LISTADO_69B.csv] [--json] FILE...";

    private CfdiCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"validate".equals(args[0])) {
            err.println(USAGE);
            return 2;
        }
        Locale language = Locale.forLanguageTag("es");
        ValidationContext context = ValidationContext.NONE;
        List<String> files = new ArrayList<>();
        SatCertificates satCertificates = SatCertificates.bundled();
        boolean production = false;
        boolean json = args.length > 1 && java.util.Arrays.asList(args).contains("--json");
        PrintStream notes = json ? err : out; // with --json, standard output holds the JSON only
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--lang" -> {
                    if (++i >= args.length || !(args[i].equals("es") || args[i].equals("en"))) {
                        err.println(USAGE);
                        return 2;
                    }
                    language = Locale.forLanguageTag(args[i]);
                }
                case "--receptor" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    context = context.withExpectedReceptor(
                            new ValidationContext.ExpectedReceptor(Rfc.normalize(args[i]), null, null, null));
                }
                case "--require-stamp" -> context = context.withRequireStamp(true);
                case "--production" -> production = true;
                case "--json" -> {
                    // read above: it decides where the 69-B line goes
                }
                case "--efos" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    try {
                        EfosList efos = EfosList.parse(Files.readAllBytes(Path.of(args[i])));
                        context = context.withEfos(efos);
                        notes.println("69-B " + efos.size() + " " + (efos.cutDate() == null ? "—" : efos.cutDate()));
                    } catch (NoSuchFileException e) {
                        err.println(Finding.text("FILE-MISSING", language, args[i]));
                        return 2;
                    } catch (IOException e) {
                        err.println(Finding.text("FILE-UNREADABLE", language, args[i]));
                        return 2;
                    } catch (EfosList.FormatException e) {
                        err.println(args[i] + ": " + e.getMessage());
                        return 2;
                    }
                }
                case "--sat-certs" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    try {
                        satCertificates = satCertificates.withFolder(Path.of(args[i]));
                    } catch (RuntimeException e) {
                        err.println(e.getMessage());
                        return 2;
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println(USAGE);
                        return 2;
                    }
                    files.add(args[i]);
                }
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        // an offline checker trusts SAT's test certificate too (its stamps are reported as TFD-TEST-STAMP warnings);
        // --production judges as the portal in production does: a test stamp is an error
        CfdiValidator validator = new CfdiValidator(production ? satCertificates
                : satCertificates.trustingTestCertificate());
        boolean anyInvalid = false;
        boolean anyUnreadable = false;
        List<Map<String, Object>> results = new ArrayList<>();
        for (String file : files) {
            List<Finding> findings;
            String verdict;
            try {
                ValidationReport report = validator.validate(Files.readAllBytes(Path.of(file)), context);
                findings = report.findings();
                verdict = report.unreadable() ? "UNREADABLE" : report.valid() ? "VALID" : "INVALID";
            } catch (NoSuchFileException e) {
                findings = List.of(Finding.error("FILE-MISSING", file));
                verdict = "UNREADABLE";
            } catch (IOException e) {
                findings = List.of(Finding.error("FILE-UNREADABLE", file));
                verdict = "UNREADABLE";
            }
            anyUnreadable |= verdict.equals("UNREADABLE");
            anyInvalid |= verdict.equals("INVALID");
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", file);
                result.put("verdict", verdict);
                Locale in = language;
                result.put("findings", findings.stream().map(f -> f.describe(in)).toList());
                results.add(result);
            } else {
                for (Finding finding : findings) {
                    // a file that cannot be read is named as such (FILE), not by a rule's code
                    String code = finding.code().startsWith("FILE-") ? "FILE" : finding.code();
                    out.println(finding.severity() + " " + code + " " + finding.message(language));
                }
                out.println(verdict + " " + file);
            }
        }
        if (json) {
            try {
                out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(results));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return anyUnreadable ? 2 : anyInvalid ? 1 : 0;
    }
}
