package mx.supplierportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file above the server's multipart limit (beyond any size the portal accepts) gets the portal's own message in
 * the person's language, on the page the upload came from — not a bare 413 page. The portal sends no Referer
 * (Referrer-Policy: no-referrer), so the page is derived from the upload's own address.
 */
@ControllerAdvice
class UploadTooLarge {

    /** Upload address → the page that shows its form (and its one-time messages). */
    private static final List<Pattern> FROM = List.of(
            Pattern.compile("^(/invoices/\\d+)$"),
            Pattern.compile("^(/invoice/\\d+)/documents/\\d+$"),
            Pattern.compile("^(/record/\\d+)/fields/\\d+$"),
            Pattern.compile("^(/payments/\\d+)/complement$"));

    private final MessageSource messages;
    private final DataSize limit;

    UploadTooLarge(MessageSource messages, @Value("${portal.documents.max-size}") DataSize limit) {
        this.messages = messages;
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        // Tomcat refuses the body while a filter reads the first parameter; the error dispatch then lands here, and
        // the upload's own address is the error's request URI
        Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed != null ? failed.toString() : request.getRequestURI();
        String page = pageOf(uri.substring(Math.min(request.getContextPath().length(), uri.length())));
        String message = messages.getMessage("upload.tooLarge", new Object[] {limit.toMegabytes()}, locale);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("problem", message); // the record's page
        flash.put("problems", List.of(message)); // the invoice and payment pages
        RequestContextUtils.saveOutputFlashMap(page, request, response);
        return "redirect:" + page;
    }

    static String pageOf(String upload) {
        for (Pattern pattern : FROM) {
            Matcher matcher = pattern.matcher(upload);
            if (matcher.matches()) {
                return upload.startsWith("/invoices/") ? matcher.group(1) + "/to-send" : matcher.group(1);
            }
        }
        return "/";
    }
}
