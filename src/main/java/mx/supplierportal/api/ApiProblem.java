package mx.supplierportal.api;

import java.util.List;
import mx.supplierportal.cfdi.Finding;
import org.springframework.http.HttpStatus;

/**
 * An API call that cannot be done; nothing was changed. Answered by {@link ApiProblems} as RFC 9457 problem details:
 * a stable {@code type} ({@code /api/problems/<slug>}), a title in the caller's language (message {@code
 * api.problem.<slug>}), a detail from {@code detailKey} and, for a refused CFDI, every finding with its code.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String detailKey;
    private final transient List<Object> arguments;
    private final transient List<Finding> findings;

    public ApiProblem(HttpStatus status, String slug, String detailKey, Object... arguments) {
        this(status, slug, detailKey, List.of(), arguments);
    }

    private ApiProblem(HttpStatus status, String slug, String detailKey, List<Finding> findings, Object... arguments) {
        super(slug + (detailKey == null ? "" : ": " + detailKey));
        this.status = status;
        this.slug = slug;
        this.detailKey = detailKey;
        this.arguments = List.of(arguments);
        this.findings = List.copyOf(findings);
    }

    /** A CFDI that does not pass the checks (422, {@code invalid-cfdi}): its findings, errors first. */
    public static ApiProblem invalidCfdi(List<Finding> findings) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-cfdi", "api.detail.invalidCfdi", findings,
                findings.size());
    }

    /**
     * A CFDI refused for its findings and for reasons in words (e.g. a payment complement that does not match its
     * payment): 422 {@code invalid-cfdi}, the reasons as the detail.
     */
    public static ApiProblem invalidCfdi(List<Finding> findings, String reasons) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-cfdi", "api.detail.plain", findings, reasons);
    }

    /** Something the portal refuses and explains with one of its messages (422, {@code refused}). */
    public static ApiProblem refused(String messageKey, Object... arguments) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "refused", messageKey, arguments);
    }

    /** A request whose parts or parameters are wrong (400, {@code invalid-request}). */
    public static ApiProblem invalidRequest(String messageKey, Object... arguments) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", messageKey, arguments);
    }

    /** Not there, or not the caller's (404, {@code not-found}): the two are never told apart. */
    public static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "api.detail.notFound");
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    public List<Finding> findings() {
        return findings;
    }
}
