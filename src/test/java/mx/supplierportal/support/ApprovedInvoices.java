package mx.supplierportal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;

/**
 * Invoices of the MCI fixture taken to "Approved" the way people do it: the supplier uploads (with the purchase
 * order) and sends over the portal, accounts payable review and approve their tasks. The invoice then waits for
 * treasury's "Schedule payment" task.
 */
public final class ApprovedInvoices {

    private ApprovedInvoices() {
    }

    /** Returns the invoice's id. */
    public static long approve(IntegrationTest test, TaskService tasks, Authentication supplier, long registrationId,
            String xml, String uuid) throws Exception {
        test.mvc.perform(multipart("/invoices/{r}", registrationId)
                .file(new MockMultipartFile("xml", "factura.xml", "text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("pdf", "factura.pdf", "application/pdf", Pdf.withText(uuid)))
                .with(authentication(supplier)).with(csrf())).andExpect(status().is3xxRedirection());
        String key = uuid.toUpperCase();
        long id = test.jdbc.queryForObject("select id from invoice where uuid = ?", Long.class, key);
        long purchaseOrder = test.jdbc.queryForObject("select r.id from invoice_requirement r join client c on c.id = "
                + "r.client_id where c.code = ? and r.req_key = 'purchaseOrder'", Long.class, MciFixture.CODE);
        test.mvc.perform(multipart("/invoice/{i}/documents/{r}", id, purchaseOrder)
                .file(new MockMultipartFile("file", "oc.pdf", "application/pdf", Pdf.withText("OC")))
                .with(authentication(supplier)).with(csrf()));
        test.mvc.perform(post("/invoice/{i}/send", id).with(authentication(supplier)).with(csrf()));
        test.runJobs();
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_PayablesReview")
                .singleResult().getId(), Map.of("decision", "approve"));
        // the sample's 3,327.01 pesos: accounts payable's review is the approval (invoice-approval.dmn, one decision)
        test.runJobs();
        assertThat(test.jdbc.queryForObject("select status from invoice where id = ?", String.class, id))
                .isEqualTo("APPROVED");
        return id;
    }
}
