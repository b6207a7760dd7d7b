package mx.supplierportal.document;

/** A stored file and its bytes, ready to be sent to whoever may see it. */
public record Download(StoredDocument document, byte[] content) {
}
