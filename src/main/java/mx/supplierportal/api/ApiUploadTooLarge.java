package mx.supplierportal.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A body above the server's multipart limit on {@code /api/**}: 413 {@code too-large} as problem+json. (It fails
 * before any controller is chosen, so the API controllers' advice cannot answer it; the pages' own handler would
 * redirect to a page.)
 */
@Component
class ApiUploadTooLarge implements HandlerExceptionResolver, Ordered {

    private final ApiProblems problems;
    private final DataSize limit;

    ApiUploadTooLarge(ApiProblems problems, @Value("${portal.documents.max-size}") DataSize limit) {
        this.problems = problems;
        this.limit = limit;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed != null ? failed.toString() : request.getRequestURI();
        if (!(ex instanceof MaxUploadSizeExceededException) || !uri.startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        try {
            problems.write(new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "upload.tooLarge",
                    limit.toMegabytes()), request, response);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
