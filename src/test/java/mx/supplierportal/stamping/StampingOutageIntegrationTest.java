package mx.supplierportal.stamping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.nio.charset.StandardCharsets;
import mx.supplierportal.cfdi.TestCfdis;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.SignupFixture;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestCsds;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;

/**
 * The installation's PAC (SW sapien here) cannot be reached: the stamp is a retried job and, when the retries are
 * spent, an incident in Cockpit; the business sees "En proceso" with its stamp set aside, nothing lost.
 */
@TestPropertySource(properties = {"portal.stamping.pac=sw", "portal.stamping.sw.base-url=http://127.0.0.1:9",
        "portal.stamping.sw.user=portal", "portal.stamping.sw.password=secret", "portal.stamping.sw.timeout=PT1S"})
class StampingOutageIntegrationTest extends IntegrationTest {

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUnreachablePacBecomesRetriesThenAnIncidentAndTheUploadWaitsInProcess() throws Exception {
        clock.at(TestCsds.IN_FORCE);
        String email = "caida-" + unique() + "@kemper.test";
        Authentication business = SignupFixture.stampingAccount(this, email, 50);
        String unsealed = TestCfdis.unsealedInvoice();
        String location = mvc.perform(multipart("/stamps/new").file(new MockMultipartFile("xml", "f.xml",
                        "application/xml", unsealed.getBytes(StandardCharsets.UTF_8))).param("serie", "A")
                        .with(authentication(business)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", " ").strip().split(" ")[0]);
        String instance = jdbc.queryForObject("select process_instance_id from stamp_request where id = ?",
                String.class, id);

        // the job executor's five tries (R5/PT2M), each failing against the unreachable host
        for (int attempt = 0; attempt < 5; attempt++) {
            Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // recorded by the engine, as the job executor does
            }
        }
        Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
        assertThat(job.getRetries()).isZero();
        assertThat(job.getExceptionMessage()).contains("SW sapien could not be reached");
        assertThat(jdbc.queryForObject("select count(*) from act_ru_incident where proc_inst_id_ = ?", Integer.class,
                instance)).as("an incident in Cockpit").isOne();
        mvc.perform(get("/stamps/" + id).with(authentication(business)))
                .andExpect(content().string(containsString("En proceso")))
                .andExpect(content().string(containsString("el portal lo reintenta solo")));
        assertThat(jdbc.queryForObject("select stamps_reserved from signup_account a join supplier_user u on u.id = "
                + "a.supplier_user_id where u.email = ?", Integer.class, email)).as("its stamp stays set aside").isOne();
    }
}
