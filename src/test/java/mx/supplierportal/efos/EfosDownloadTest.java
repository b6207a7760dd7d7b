package mx.supplierportal.efos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import mx.supplierportal.cfdi.EfosCsv;
import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The optional nightly download of SAT's list: imported when new, skipped when the same, a failed job when wrong. */
class EfosDownloadTest extends IntegrationTest {

    @Autowired
    EfosLists lists;

    @AfterEach
    void forgetTheLists() {
        jdbc.update("delete from efos_notice");
        jdbc.update("delete from efos_version");
    }

    @Test
    void aConfiguredAddressIsFetchedEachNightAndOnlyANewListIsImported() throws Exception {
        AtomicReference<byte[]> served = new AtomicReference<>(new EfosCsv("30 de septiembre de 2025").filler(20)
                .bytes());
        HttpServer sat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sat.createContext("/cifras_sat/Documents/Listado_Completo_69-B.csv", exchange -> {
            byte[] body = served.get();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sat.start();
        try {
            String url = "http://127.0.0.1:" + sat.getAddress().getPort()
                    + "/cifras_sat/Documents/Listado_Completo_69-B.csv";
            EfosDownload download = new EfosDownload(lists, url, Duration.ofSeconds(5));

            assertThat(download.fetch()).hasValueSatisfying(v -> {
                assertThat(v.cutDate()).isEqualTo(LocalDate.of(2025, 9, 30));
                assertThat(v.importedBy()).isEqualTo("download");
                assertThat(v.fileName()).isEqualTo("Listado_Completo_69-B.csv");
            });
            assertThat(download.fetch()).isEmpty(); // the same list again: nothing new
            assertThat(lists.versions(10)).hasSize(1);

            served.set("<html>Mantenimiento</html>".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(download::fetch).hasMessageContaining("is not SAT's 69-B list");
            served.set(new EfosCsv("31 de octubre de 2025").filler(3).bytes());
            assertThatThrownBy(download::fetch).hasMessageContaining("refused").hasMessageContaining("tooSmall");
            assertThat(lists.versions(10)).hasSize(1);

            assertThat(new EfosDownload(lists, "", Duration.ofSeconds(5)).fetch()).isEmpty(); // off by default
        } finally {
            sat.stop(0);
        }
        // the nightly process waits on its timer
        assertThat(managementService.createJobQuery().processDefinitionKey("efos-nightly").timers().count())
                .isEqualTo(1);
    }
}
