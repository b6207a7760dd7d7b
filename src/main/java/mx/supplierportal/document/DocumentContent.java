package mx.supplierportal.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a {@link StoredDocument}, loaded only when someone downloads it. */
@Entity
@Table(name = "document_content")
class DocumentContent {

    @Id
    @Column(name = "document_id")
    private Long documentId;

    @Column(nullable = false)
    private byte[] content;

    protected DocumentContent() {
    }

    DocumentContent(Long documentId, byte[] content) {
        this.documentId = documentId;
        this.content = content;
    }

    byte[] content() {
        return content;
    }
}
