package mx.supplierportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * On {@code /engine-rest}, "it belongs to another tenant" and "it does not exist" get one answer: 404 with the same
 * body. The engine itself answers 500 "belongs to no authenticated tenant" for another client's ids, and various
 * 404/500 messages naming the id for unknown ones — an oracle telling which ids exist elsewhere.
 */
final class EngineNotFound extends OncePerRequestFilter {

    static final String BODY = "{\"type\":\"InvalidRequestException\",\"message\":\"Not found\",\"code\":0}";
    private static final Pattern HIDDEN = Pattern.compile("belongs to no authenticated tenant"
            + "|\"type\":\"NullValueException\"[^}]*(doesn't exist|does not exist|is null)"
            + "|\"type\":\"(InvalidRequest|NotFound|ProcessEngine)Exception\"[^}]*(doesn't exist|does not exist)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        int status = wrapper.getStatus();
        if (status == HttpServletResponse.SC_NOT_FOUND || status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
            if (status == HttpServletResponse.SC_NOT_FOUND || HIDDEN.matcher(body).find()) {
                wrapper.resetBuffer();
                wrapper.setStatus(HttpServletResponse.SC_NOT_FOUND);
                wrapper.setContentType("application/json");
                wrapper.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
            }
        }
        wrapper.copyBodyToResponse();
    }
}
