package mx.supplierportal.cfdi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar supplier-portal.jar cfdi validate [--lang es|en] [--receptor RFC] [--require-stamp] FILE...}
 * — starts no web server and no database. For each file: one line per finding, then a verdict line. Exit code 0
 * when every file is valid, 1 when any is invalid, 2 when any cannot be read (or the command is wrong).
 */
public final class CfdiCommand {

    static final String USAGE = "usage: cfdi validate [--lang es|en] [--receptor RFC] [--require-stamp] "
            + "[--sat-certs DIR] [--production] [--efos LISTADO_69B.csv] FILE...";

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
                case "--efos" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    try {
                        EfosList efos = EfosList.parse(Files.readAllBytes(Path.of(args[i])));
                        context = context.withEfos(efos);
                        out.println("69-B " + efos.size() + " " + (efos.cutDate() == null ? "—" : efos.cutDate()));
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
        for (String file : files) {
            ValidationReport report;
            try {
                report = validator.validate(Files.readAllBytes(Path.of(file)), context);
            } catch (NoSuchFileException e) {
                out.println("ERROR FILE " + Finding.text("FILE-MISSING", language, file));
                out.println("UNREADABLE " + file);
                anyUnreadable = true;
                continue;
            } catch (IOException e) {
                out.println("ERROR FILE " + Finding.text("FILE-UNREADABLE", language, file));
                out.println("UNREADABLE " + file);
                anyUnreadable = true;
                continue;
            }
            for (Finding finding : report.findings()) {
                out.println(finding.severity() + " " + finding.code() + " " + finding.message(language));
            }
            if (report.unreadable()) {
                anyUnreadable = true;
                out.println("UNREADABLE " + file);
            } else if (report.valid()) {
                out.println("VALID " + file);
            } else {
                anyInvalid = true;
                out.println("INVALID " + file);
            }
        }
        return anyUnreadable ? 2 : anyInvalid ? 1 : 0;
    }
}
