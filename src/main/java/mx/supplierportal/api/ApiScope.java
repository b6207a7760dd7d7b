package mx.supplierportal.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a personal access token may do. An endpoint names the one scope it needs; a token without it gets 403
 * (problem type {@code insufficient-scope}). Reading stamps needs {@code stamps:write} (there is no separate read
 * scope: who may stamp may see what it stamped), the digital record {@code invoices:read}, uploading a payment
 * complement {@code invoices:write} (a REP is a CFDI the supplier issues) — docs/decisions.md, "REST API".
 */
public enum ApiScope {
    INVOICES_WRITE("invoices:write"),
    INVOICES_READ("invoices:read"),
    PAYMENTS_READ("payments:read"),
    STAMPS_WRITE("stamps:write");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** As written in tokens, requests and the OpenAPI document, e.g. {@code invoices:write}. */
    public String value() {
        return value;
    }

    /** The authority Spring Security's opaque-token support grants for this scope. */
    public String authority() {
        return "SCOPE_" + value;
    }

    /** The message key of the scope's description on the token page. */
    public String messageKey() {
        return "api.scope." + value.replace(':', '.');
    }

    public static Optional<ApiScope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value == null ? null
                : value.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
