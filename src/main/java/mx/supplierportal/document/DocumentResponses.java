package mx.supplierportal.document;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file as an HTTP answer: its detected type, its name only as a label, never sniffed by the browser. */
public final class DocumentResponses {

    private DocumentResponses() {
    }

    public static ResponseEntity<byte[]> inline(Download download) {
        StoredDocument document = download.document();
        byte[] content = download.content();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getDetectedType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.getDeclaredName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
