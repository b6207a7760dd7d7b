package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SAT status client against a local stub of ConsultaCFDIService (no network). */
class SatStatusClientTest {

    private HttpServer server;
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastSoapAction = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "";
    /** While held, the stub keeps the request open until the test ends (the client must time out first). */
    private volatile boolean holdAnswer;
    private final CountDownLatch testEnded = new CountDownLatch(1);

    @BeforeEach
    void stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ConsultaCFDIService.svc", exchange -> {
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastSoapAction.set(exchange.getRequestHeaders().getFirst("SOAPAction"));
            if (holdAnswer) {
                try {
                    testEnded.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException ignored) {
                // the client gave up (timeout test)
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        testEnded.countDown();
        server.stop(0);
    }

    private SatStatusClient client(Duration timeout) {
        return new SatStatusClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/ConsultaCFDIService.svc"), timeout);
    }

    private static String response(String estado, String cancelable, String cancelacion, String efos) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<ConsultaResponse xmlns=\"http://tempuri.org/\"><ConsultaResult "
                + "xmlns:a=\"http://schemas.datacontract.org/2004/07/Sat.Cfdi.Negocio.ConsultaCfdi.Servicio\">"
                + "<a:CodigoEstatus>S - Comprobante obtenido satisfactoriamente.</a:CodigoEstatus>"
                + "<a:EsCancelable>" + cancelable + "</a:EsCancelable><a:Estado>" + estado + "</a:Estado>"
                + "<a:EstatusCancelacion>" + cancelacion + "</a:EstatusCancelacion>"
                + "<a:ValidacionEFOS>" + efos + "</a:ValidacionEFOS></ConsultaResult></ConsultaResponse>"
                + "</s:Body></s:Envelope>";
    }

    @Test
    void currentCfdiFromTheStampedSample() throws CfdiReadException {
        answer = response("Vigente", "Cancelable con aceptación", "", "200");
        Cfdi cfdi = new CfdiReader().read(Samples.bytes(Samples.STAMPED));
        SatStatus status = client(Duration.ofSeconds(5)).query(cfdi);

        assertThat(status.verified()).isTrue();
        assertThat(status.estado()).isEqualTo(SatStatus.Estado.VIGENTE);
        assertThat(status.esCancelable()).isEqualTo("Cancelable con aceptación");
        assertThat(status.efos()).isFalse();
        String uuid = cfdi.timbre().orElseThrow().uuid();
        String sello = cfdi.comprobante().sello();
        assertThat(lastRequest.get()).contains("<tem:expresionImpresa>?re=EKU9003173C9&amp;rr=MCI7306249Y1"
                + "&amp;tt=3327.01&amp;id=" + uuid + "&amp;fe=" + sello.substring(sello.length() - 8)
                + "</tem:expresionImpresa>");
        assertThat(lastSoapAction.get()).isEqualTo("http://tempuri.org/IConsultaCFDIService/Consulta");
    }

    @Test
    void cancelledAndUnknownAndEfos() {
        answer = response("Cancelado", "No cancelable", "Cancelado sin aceptación", "100");
        SatStatus cancelled = client(Duration.ofSeconds(5)).query("?re=A&rr=B&tt=1&id=C&fe=D");
        assertThat(cancelled.estado()).isEqualTo(SatStatus.Estado.CANCELADO);
        assertThat(cancelled.estatusCancelacion()).isEqualTo("Cancelado sin aceptación");
        assertThat(cancelled.efos()).isTrue();

        answer = response("No Encontrado", "", "", "200");
        assertThat(client(Duration.ofSeconds(5)).query("?re=A&rr=B&tt=1&id=C&fe=D").estado())
                .isEqualTo(SatStatus.Estado.NO_ENCONTRADO);
    }

    @Test
    void timeoutIsCouldNotVerifyNeverValid() {
        holdAnswer = true;
        answer = response("Vigente", "", "", "200");
        SatStatus status = client(Duration.ofMillis(200)).query("?re=A&rr=B&tt=1&id=C&fe=D");
        assertThat(status.outcome()).isEqualTo(SatStatus.Outcome.COULD_NOT_VERIFY);
        assertThat(status.estado()).isNull();
        assertThat(status.reason()).contains("did not answer");
    }

    @Test
    void httpErrorAndGarbageAreCouldNotVerify() {
        status = 500;
        answer = "Internal error";
        assertThat(client(Duration.ofSeconds(5)).query("?x").outcome())
                .isEqualTo(SatStatus.Outcome.COULD_NOT_VERIFY);
        status = 200;
        answer = "<html>maintenance</html>";
        SatStatus garbage = client(Duration.ofSeconds(5)).query("?x");
        assertThat(garbage.outcome()).isEqualTo(SatStatus.Outcome.COULD_NOT_VERIFY);
        assertThat(garbage.reason()).contains("no Estado");
    }

    @Test
    void unreachableIsCouldNotVerify() {
        server.stop(0);
        assertThat(client(Duration.ofSeconds(2)).query("?x").outcome()).isEqualTo(SatStatus.Outcome.COULD_NOT_VERIFY);
    }

    @Test
    void unstampedCfdisAreNotAsked() throws CfdiReadException {
        Cfdi cfdi = new CfdiReader().read(Samples.bytes(Samples.UNSTAMPED));
        assertThat(client(Duration.ofSeconds(5)).query(cfdi).outcome()).isEqualTo(SatStatus.Outcome.COULD_NOT_VERIFY);
        assertThat(lastRequest.get()).isNull();
    }
}
