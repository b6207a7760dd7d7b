package mx.supplierportal.invoice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.cfdi.Severity;

/**
 * The validation warnings kept with an invoice: each rule code with its arguments (JSON), so that the page can
 * show the message in the reader's language. Rows written before the arguments were kept hold only the codes,
 * separated by commas.
 */
final class InvoiceWarnings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMN_LENGTH = 2000;

    private record Stored(String code, List<String> arguments) {
    }

    private InvoiceWarnings() {
    }

    static String encode(List<Finding> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        List<Stored> stored = warnings.stream().map(w -> new Stored(w.code(),
                w.arguments().stream().map(String::valueOf).toList())).toList();
        String json = write(stored);
        // Arguments are short (a complement's name, an RFC); should they ever not fit, the codes alone do
        return json.length() <= COLUMN_LENGTH ? json
                : write(stored.stream().map(s -> new Stored(s.code(), List.of())).toList());
    }

    static List<Finding> decode(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        if (!column.startsWith("[")) {
            return Arrays.stream(column.split(",")).map(code -> new Finding(code, Severity.WARNING, List.of()))
                    .toList();
        }
        try {
            List<Stored> stored = JSON.readValue(column, new TypeReference<List<Stored>>() { });
            return stored.stream().map(s -> new Finding(s.code(), Severity.WARNING, List.<Object>copyOf(s.arguments())))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored warnings no longer read: " + column, e);
        }
    }

    private static String write(List<Stored> stored) {
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
