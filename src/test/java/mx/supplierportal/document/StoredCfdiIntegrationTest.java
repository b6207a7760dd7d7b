package mx.supplierportal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import mx.supplierportal.cfdi.Cfdi;
import mx.supplierportal.cfdi.CfdiReader;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.MciFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A CFDI stored with the upload that parsed it is read back as it was stored — from this node's memory after the
 * upload committed, from the database otherwise — and an upload that rolled back leaves nothing to read.
 */
class StoredCfdiIntegrationTest extends IntegrationTest {

    @Autowired
    Documents documents;
    @Autowired
    TransactionTemplate transactions;

    long supplierId;

    @BeforeEach
    void eku() throws Exception {
        MciFixture.ensure(this);
        supplierId = jdbc.queryForObject("select id from supplier where rfc = 'EKU9003173C9'", Long.class);
    }

    private static Cfdi parsed(String uuid) throws Exception {
        return new CfdiReader().read(MciFixture.freshInvoice(uuid).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCommittedCfdiReadsBackAsStored() throws Exception {
        String uuid = UUID.randomUUID().toString();
        Cfdi cfdi = parsed(uuid);
        long id = transactions.execute(tx -> documents.storeParsedXml(supplierId, "factura.xml", cfdi, "test").getId());

        assertThat(documents.content(id)).isEqualTo(cfdi.source());
        Cfdi read = documents.storedCfdi(id);
        assertThat(read.timbre().orElseThrow().uuid()).isEqualToIgnoringCase(uuid);
        assertThat(read.source()).isEqualTo(cfdi.source());
        assertThat(jdbc.queryForObject("select detected_type from stored_document where id = ?", String.class, id))
                .isEqualTo("application/xml");
    }

    @Test
    void aRolledBackUploadLeavesNoCfdiToRead() throws Exception {
        Cfdi cfdi = parsed(UUID.randomUUID().toString());
        AtomicLong id = new AtomicLong();
        transactions.executeWithoutResult(tx -> {
            id.set(documents.storeParsedXml(supplierId, "factura.xml", cfdi, "test").getId());
            tx.setRollbackOnly(); // as when the invoice's own row fails to save
        });

        assertThat(jdbc.queryForObject("select count(*) from stored_document where id = ?", Integer.class, id.get()))
                .isZero();
        assertThatThrownBy(() -> documents.storedCfdi(id.get())).isInstanceOf(NoSuchElementException.class);
    }
}
