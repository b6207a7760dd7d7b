package mx.supplierportal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import mx.supplierportal.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History does not grow forever: the engine cleans it up each night, per process after its time to live. */
class HistoryCleanupTest extends IntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void theNightlyCleanupIsScheduledAndEachProcessKeepsItsHistoryAsLongAsItShould() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("02:00-0600");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00-0600");
        assertThat(historyService.findHistoryCleanupJobs()).as("the engine scheduled its cleanup job").isNotEmpty();
        Map<String, Integer> days = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> d.getTenantId() == null)
                .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getHistoryTimeToLive,
                        (a, b) -> a));
        assertThat(days).containsEntry("invoice-reception", 3650).containsEntry("payment-scheduling", 3650)
                .containsEntry("payment-received", 3650).containsEntry("digital-record-review", 1825)
                .containsEntry("supplier-onboarding", 180).containsEntry("password-recovery", 7);
    }

    @Test
    void cleanupRemovesTheHistoryOfAnInstanceWhoseTimeToLiveHasPassed() {
        Deployment probe = repositoryService.createDeployment().name("history-cleanup-probe")
                .addModelInstance("history-cleanup-probe.bpmn", Bpmn.createExecutableProcess("history-cleanup-probe")
                        .camundaHistoryTimeToLive(7).startEvent().endEvent().done())
                .deploy();
        try {
            String ended = runtimeService.startProcessInstanceByKey("history-cleanup-probe").getId();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ended).count())
                    .isEqualTo(1);

            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 6L * 24 * 3600 * 1000));
            runCleanup();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ended).count())
                    .as("6 days after it ended: kept").isEqualTo(1);

            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 8L * 24 * 3600 * 1000));
            runCleanup();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ended).count())
                    .as("8 days after it ended: removed").isZero();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(ended).count()).isZero();
        } finally {
            ClockUtil.reset();
            repositoryService.deleteDeployment(probe.getId(), true);
        }
    }

    /** What the nightly job does, now (immediately, outside the window). */
    private void runCleanup() {
        Job job = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(job.getId());
    }
}
