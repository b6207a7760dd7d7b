package mx.supplierportal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import mx.supplierportal.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one seam that starts instances: the client's tenant and common variables, or the portal's tenant. */
class ProcessStartsTest extends IntegrationTest {

    @Autowired
    ProcessStarts starts;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void anInstanceForAClientIsInItsTenantWithItsNameAndAnInstanceForNoClientInThePortals() {
        TestClient client = newClient();
        ProcessInstance forClient = starts.forClient("efos-status-change", "AAA010101AAA", client.code(),
                client.name(), Map.of("supplierRfc", "AAA010101AAA", "businessName", "Prueba", "situation",
                        "PRESUNTO", "cutDate", "30/09/2025", "registrationId", 0L));
        try {
            assertThat(forClient.getTenantId()).isEqualTo(client.code());
            assertThat(forClient.getBusinessKey()).isEqualTo("AAA010101AAA");
            assertThat(runtimeService.getVariables(forClient.getId())).containsEntry("clientCode", client.code())
                    .containsEntry("clientName", client.name());
        } finally {
            runtimeService.deleteProcessInstance(forClient.getId(), "test");
        }

        assertThatThrownBy(() -> starts.forPortal("efos-status-change", "X", Map.of("clientCode", client.code())))
                .hasMessageContaining("clientCode");
        assertThatThrownBy(() -> starts.forClient("efos-status-change", " ", client.code(), client.name(), Map.of()))
                .hasMessageContaining("business key");
    }
}
