package mx.supplierportal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.supplierportal.cfdi.Finding;
import mx.supplierportal.web.ExplainedProblem;
import mx.supplierportal.web.Languages;
import mx.supplierportal.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of {@code /api/**} as {@code application/problem+json} (RFC 9457): a stable {@code type}
 * ({@code /api/problems/<slug>}), a {@code title} in the request's language ({@code Accept-Language} es or en; else
 * the token owner's language; else Spanish), a {@code detail} saying what to do, and {@code findings} (code,
 * severity, message) when a CFDI was refused. Used by the API controllers (through this advice) and by the security
 * chain's filters (401, 403, 429), so that both answer alike.
 */
@RestControllerAdvice(annotations = ApiController.class)
public class ApiProblems {

    public static final String TYPE_PREFIX = "/api/problems/";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;
    private final ObjectMapper json;

    ApiProblems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem, HttpServletRequest request) {
        return answer(of(problem, localeOf(request)));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        return problem(ApiProblem.notFound(), request);
    }

    /** A feature's explained refusal that its controller did not translate: 422 with the feature's own message. */
    @ExceptionHandler(ExplainedProblem.class)
    ResponseEntity<ProblemDetail> explained(ExplainedProblem problem, HttpServletRequest request) {
        return problem(ApiProblem.refused(problem.messageKey(), problem.arguments()), request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return problem(ApiProblem.invalidRequest("api.detail.missingPart", e.getRequestPartName()), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return problem(ApiProblem.invalidRequest("api.detail.missingPart", e.getParameterName()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(ApiProblem.invalidRequest("api.detail.badParameter", e.getName()), request);
    }

    @ExceptionHandler({MultipartException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> notMultipart(Exception e, HttpServletRequest request) {
        return problem(ApiProblem.invalidRequest("api.detail.multipart"), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "api.detail.method",
                e.getMethod()), request);
    }

    /**
     * Anything else: 500 {@code internal}, logged with its stack trace, answered without it (nothing of the server's
     * inside reaches the caller). The caller's transaction was rolled back.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security chain answers these (403, 401)
        }
        LOG.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "api.detail.internal"), request);
    }

    /** The problem in a language. */
    public ProblemDetail of(ApiProblem problem, Locale locale) {
        ProblemDetail detail = ProblemDetail.forStatus(problem.status());
        detail.setType(URI.create(TYPE_PREFIX + problem.slug()));
        detail.setTitle(messages.getMessage("api.problem." + problem.slug(), null, locale));
        if (problem.detailKey() != null) {
            detail.setDetail(messages.getMessage(problem.detailKey(), problem.arguments(), locale));
        }
        if (!problem.findings().isEmpty()) {
            detail.setProperty("findings", findings(problem.findings(), locale));
        }
        return detail;
    }

    /** Findings as the API and {@code cfdi validate --json} write them. */
    public static List<Map<String, Object>> findings(List<Finding> findings, Locale locale) {
        return findings.stream().map(f -> f.describe(locale)).toList();
    }

    /** Writes a problem from a filter (the security chain), where no controller advice runs. */
    void write(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail detail = of(problem, localeOf(request));
        response.setStatus(detail.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), detail);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    /** Accept-Language when it asks for es or en; else the caller's own language; else Spanish. */
    public static Locale localeOf(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange();
                    String language = tag.length() >= 2 ? tag.substring(0, 2).toLowerCase(Locale.ROOT) : tag;
                    if (Languages.TAGS.contains(language)) {
                        return Locale.forLanguageTag(language);
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header is no preference
            }
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiPrincipal caller) {
            return Languages.parse(caller.language()).orElse(Languages.SPANISH);
        }
        return Languages.SPANISH;
    }
}
