package mx.supplierportal.document;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code portal.documents.*}: the largest file accepted and the types accepted (by content, not by name). */
@ConfigurationProperties("portal.documents")
public record DocumentProperties(DataSize maxSize, List<String> allowedTypes) {

    public DocumentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty()
                ? List.of("application/pdf", "image/jpeg", "image/png") : List.copyOf(allowedTypes);
    }
}
