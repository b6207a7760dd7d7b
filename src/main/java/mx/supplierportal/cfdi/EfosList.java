package mx.supplierportal.cfdi;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * SAT's list of taxpayers under art. 69-B CFF (operaciones inexistentes: EFOS), as published in its "Listado completo
 * 69-B" CSV: Latin-1 (UTF-8 is accepted too), title and legend lines before the header, quoted fields that may hold
 * line breaks. Columns are found by their header names (RFC, the taxpayer's name, its situation), not by position, so
 * SAT adding a column does not break the import. The cut date is read from the lines before the header ("… al 30 de
 * septiembre de 2025" or "30/09/2025"); null when SAT's file does not say it.
 */
public record EfosList(LocalDate cutDate, Map<String, Entry> byRfc) {

    /** A taxpayer's situation in the list; only Definitivo stops its CFDIs, Presunto is a warning. */
    public enum Situation {
        PRESUNTO, DESVIRTUADO, DEFINITIVO, SENTENCIA_FAVORABLE;

        /** Presunto or Definitivo: what the portal warns about or refuses. */
        public boolean flagged() {
            return this == PRESUNTO || this == DEFINITIVO;
        }

        static Optional<Situation> of(String text) {
            String plain = plain(text);
            if (plain.startsWith("presunto")) {
                return Optional.of(PRESUNTO);
            }
            if (plain.startsWith("desvirtuado")) {
                return Optional.of(DESVIRTUADO);
            }
            if (plain.startsWith("definitivo")) {
                return Optional.of(DEFINITIVO);
            }
            if (plain.startsWith("sentencia favorable")) {
                return Optional.of(SENTENCIA_FAVORABLE);
            }
            return Optional.empty();
        }
    }

    public record Entry(String rfc, String name, Situation situation) {
    }

    /** The file is not SAT's 69-B list (no header with RFC and situation, or no rows). */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    private static final String[] MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre"};
    private static final Pattern SPANISH_DATE = Pattern.compile("(\\d{1,2})\\s+de\\s+([a-z]+)\\s+(?:de|del)\\s+(\\d{4})");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    public EfosList {
        byRfc = Map.copyOf(byRfc);
    }

    /** A list of a few entries (what the portal keeps for one RFC, or what a test needs). */
    public static EfosList of(LocalDate cutDate, Collection<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.rfc(), e));
        return new EfosList(cutDate, map);
    }

    public Optional<Entry> find(String rfc) {
        return rfc == null ? Optional.empty() : Optional.ofNullable(byRfc.get(Rfc.normalize(rfc)));
    }

    public int size() {
        return byRfc.size();
    }

    /** Reads SAT's CSV; every row with an RFC and a known situation becomes an entry (the last row of an RFC wins). */
    public static EfosList parse(byte[] csv) throws FormatException {
        String text = decode(csv);
        StringBuilder beforeHeader = new StringBuilder();
        Map<String, Entry> entries = new LinkedHashMap<>();
        int rfcColumn = -1;
        int nameColumn = -1;
        int situationColumn = -1;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (rfcColumn < 0) {
                    List<String> cells = new ArrayList<>();
                    record.forEach(cells::add);
                    for (int i = 0; i < cells.size(); i++) {
                        String header = plain(cells.get(i));
                        if (header.equals("rfc")) {
                            rfcColumn = i;
                        } else if (header.startsWith("nombre") && nameColumn < 0) {
                            nameColumn = i;
                        } else if (header.startsWith("situacion") && situationColumn < 0) {
                            situationColumn = i;
                        }
                    }
                    if (rfcColumn < 0 || situationColumn < 0) {
                        rfcColumn = -1;
                        nameColumn = -1;
                        situationColumn = -1;
                        beforeHeader.append(String.join(" ", cells)).append('\n');
                    }
                    continue;
                }
                if (record.size() <= Math.max(rfcColumn, situationColumn)) {
                    continue;
                }
                String rfc = Rfc.normalize(record.get(rfcColumn));
                Optional<Situation> situation = Situation.of(record.get(situationColumn));
                if (rfc.isEmpty() || situation.isEmpty()) {
                    continue;
                }
                String name = nameColumn >= 0 && nameColumn < record.size() ? record.get(nameColumn) : "";
                entries.put(rfc, new Entry(rfc, name.replaceAll("\\s+", " ").strip(), situation.get()));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new FormatException("The CSV cannot be read: " + e.getMessage());
        }
        if (rfcColumn < 0) {
            throw new FormatException("No header with the columns RFC and Situación del contribuyente");
        }
        if (entries.isEmpty()) {
            throw new FormatException("The list has a header but no taxpayer");
        }
        return new EfosList(cutDate(plain(beforeHeader.toString())), entries);
    }

    /** UTF-8 when the bytes are UTF-8 (a file saved again by a spreadsheet), else Latin-1 as SAT publishes it. */
    private static String decode(byte[] csv) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(csv, StandardCharsets.ISO_8859_1);
        }
    }

    private static LocalDate cutDate(String text) {
        Matcher spanish = SPANISH_DATE.matcher(text);
        while (spanish.find()) {
            for (int month = 0; month < MONTHS.length; month++) {
                if (MONTHS[month].equals(spanish.group(2))) {
                    try {
                        return LocalDate.of(Integer.parseInt(spanish.group(3)), month + 1,
                                Integer.parseInt(spanish.group(1)));
                    } catch (DateTimeException e) {
                        break;
                    }
                }
            }
        }
        Matcher numeric = NUMERIC_DATE.matcher(text);
        if (numeric.find()) {
            try {
                return LocalDate.of(Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(2)),
                        Integer.parseInt(numeric.group(1)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /** Lower case, no accents, single spaces: "Situación del  Contribuyente" → "situacion del contribuyente". */
    private static String plain(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
