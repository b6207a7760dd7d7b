package mx.supplierportal.document;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredDocumentRepository extends JpaRepository<StoredDocument, Long> {
}

interface DocumentContentRepository extends JpaRepository<DocumentContent, Long> {
}
