package mx.supplierportal.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.cfdi.CfdiReadException;
import mx.supplierportal.cfdi.CfdiReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores uploaded files in the database, in the caller's transaction (a file and the record that points to it are
 * saved together or not at all). A file is accepted by what its bytes are, never by its name; the name a person gave
 * it is kept only as a label and is never used as a path.
 */
@Service
public class Documents {

    private final StoredDocumentRepository documents;
    private final DocumentContentRepository contents;
    private final DocumentProperties properties;
    private final Clock clock;
    private final Tika tika = new Tika();

    public static final String PDF = "application/pdf";
    /**
     * Tika's own signature of a PDF (what its detector matches first for one): checked alone when a PDF is
     * acceptable, since Tika's full detection tries every signature it knows and cost about 1.4 ms of CPU per invoice
     * upload (docs/performance.md, "REST API intake"); anything else is detected in full as before.
     */
    private static final org.apache.tika.mime.MimeType PDF_MAGIC = pdfType();

    private static org.apache.tika.mime.MimeType pdfType() {
        try {
            return org.apache.tika.mime.MimeTypes.getDefaultMimeTypes().forName(PDF);
        } catch (org.apache.tika.mime.MimeTypeException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * CFDI as read back from their stored XML, by document id. A stored document never changes; the page after an
     * upload shows the CFDI just parsed and the background SAT check reads it again, so the upload leaves it here once
     * its transaction has committed (a rolled-back upload leaves nothing). Bounded by the XML's size (about five times
     * that in memory), per node; a node that does not have it reads and parses it as before.
     */
    private final Cache<Long, Cfdi> parsedCfdi = Caffeine.newBuilder()
            .maximumWeight(8L * 1024 * 1024)
            .weigher((Long id, Cfdi cfdi) -> cfdi.source().length)
            .expireAfterAccess(java.time.Duration.ofMinutes(10))
            .build();

    Documents(StoredDocumentRepository documents, DocumentContentRepository contents, DocumentProperties properties,
            Clock clock) {
        this.documents = documents;
        this.contents = contents;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a CFDI's XML is detected as (invoices and payment complements accept only these). */
    public static final java.util.Set<String> XML_TYPES = java.util.Set.of("application/xml", "text/xml");

    /** Checks and stores a file; throws {@link DocumentRejectedException} and stores nothing when it is not fit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument store(long supplierId, String declaredName, byte[] content, String uploadedBy) {
        return store(supplierId, declaredName, content, uploadedBy, properties.allowedTypes());
    }

    /** The same, accepting only the given types (detected from the bytes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument store(long supplierId, String declaredName, byte[] content, String uploadedBy,
            Collection<String> allowedTypes) {
        if (content == null || content.length == 0) {
            throw new DocumentRejectedException("document.empty");
        }
        if (content.length > properties.maxSize().toBytes()) {
            throw new DocumentRejectedException("document.tooLarge", properties.maxSize().toMegabytes());
        }
        String detected = allowedTypes.contains(PDF) && PDF_MAGIC.matchesMagic(content) ? PDF : tika.detect(content);
        if (!allowedTypes.contains(detected)) {
            throw new DocumentRejectedException("document.typeNotAllowed", describe(detected));
        }
        return save(supplierId, declaredName, content, uploadedBy, detected);
    }

    /**
     * A CFDI's XML that the caller has just parsed whole with the portal's strict XML parser (no DTD, no external
     * entity) and validated: stored as {@code application/xml} without sniffing it again — the parse is the stronger
     * check of its content, and Tika's detection was the largest single cost of an invoice upload (docs/performance.md,
     * "REST API intake"). The bytes stored are the ones it was read from ({@link Cfdi#source()}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument storeParsedXml(long supplierId, String declaredName, Cfdi cfdi, String uploadedBy) {
        byte[] content = cfdi.source();
        if (content == null || content.length == 0) {
            throw new DocumentRejectedException("document.empty");
        }
        if (content.length > properties.maxSize().toBytes()) {
            throw new DocumentRejectedException("document.tooLarge", properties.maxSize().toMegabytes());
        }
        StoredDocument document = save(supplierId, declaredName, content, uploadedBy, "application/xml");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                parsedCfdi.put(document.getId(), cfdi);
            }
        });
        return document;
    }

    private StoredDocument save(long supplierId, String declaredName, byte[] content, String uploadedBy,
            String detected) {
        StoredDocument document = documents.save(new StoredDocument(supplierId, safeName(declaredName, detected),
                detected, content.length, sha256(content), uploadedBy, OffsetDateTime.now(clock)));
        contents.save(new DocumentContent(document.getId(), content));
        return document;
    }

    public Optional<StoredDocument> find(long id) {
        return documents.findById(id);
    }

    /** Several documents by id, in one query. */
    public Map<Long, StoredDocument> findAll(Collection<Long> ids) {
        Map<Long, StoredDocument> found = new HashMap<>();
        documents.findAllById(ids).forEach(d -> found.put(d.getId(), d));
        return found;
    }

    /** The document with its bytes. */
    @Transactional(readOnly = true)
    public Optional<Download> download(long id) {
        return documents.findById(id).map(d -> new Download(d, content(d)));
    }

    @Transactional(readOnly = true)
    public byte[] content(StoredDocument document) {
        return content(document.getId());
    }

    /** A document's bytes by its id (one query, the document's row is not read). */
    @Transactional(readOnly = true)
    public byte[] content(long documentId) {
        return contents.findById(documentId).map(DocumentContent::content).orElseThrow();
    }

    /**
     * A document that was validated as a CFDI when it was stored (an invoice's XML, a payment complement), read
     * back. It read then, so failing now is a fault, not bad input. No transaction of its own: a CFDI this node has in
     * memory needs none, and reading the bytes is one repository call in its own (or the caller's) transaction.
     */
    public Cfdi storedCfdi(long documentId) {
        Cfdi cfdi = parsedCfdi.getIfPresent(documentId);
        if (cfdi == null) {
            try {
                cfdi = new CfdiReader().read(content(documentId));
            } catch (CfdiReadException e) {
                throw new IllegalStateException("stored CFDI (document " + documentId + ") no longer reads", e);
            }
            parsedCfdi.put(documentId, cfdi);
        }
        return cfdi;
    }

    /** A label, never a path: no folders, no control characters, at most 255 characters, never empty. */
    static String safeName(String declared, String detectedType) {
        String name = declared == null ? "" : declared;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "document" + extension(detectedType);
        }
        if (name.length() > 255) {
            String extension = extension(detectedType);
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }

    private static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/xml", "text/xml" -> ".xml";
            default -> "";
        };
    }

    private static String describe(String detected) {
        return switch (detected) {
            case "application/x-msdownload", "application/x-dosexec", "application/x-executable",
                    "application/x-sharedlib", "application/x-mach-o-executable" -> "executable (" + detected + ")";
            case "application/octet-stream" -> "unknown";
            default -> detected;
        };
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
