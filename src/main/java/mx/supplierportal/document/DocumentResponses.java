package mx.supplierportal.document;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as an HTTP answer: its detected type, its name only as a label, never sniffed by the browser.
 * PDFs and images open in the browser; everything else (XML above all: an Addenda can carry XHTML with scripts) is
 * a download, never rendered in the portal's origin. Every file also gets a sandboxing CSP of its own.
 */
public final class DocumentResponses {

    private DocumentResponses() {
    }

    private static final Set<String> SHOWN_IN_BROWSER = Set.of("application/pdf", "image/jpeg", "image/png");

    public static ResponseEntity<byte[]> of(Download download) {
        StoredDocument document = download.document();
        byte[] content = download.content();
        ContentDisposition.Builder disposition = SHOWN_IN_BROWSER.contains(document.getDetectedType())
                ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getDetectedType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition
                        .filename(document.getDeclaredName(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; "
                        + "style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
