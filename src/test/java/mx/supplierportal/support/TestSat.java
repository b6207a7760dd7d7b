package mx.supplierportal.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for SAT's CFDI status service (the tests never reach the internet): answers "Vigente" unless a
 * test says otherwise for a UUID.
 */
public final class TestSat {

    private static HttpServer server;
    private static final Map<String, String> ESTADOS = new ConcurrentHashMap<>();
    private static final java.util.Set<String> DOWN = ConcurrentHashMap.newKeySet();
    private static final Map<String, Hold> HELD = new ConcurrentHashMap<>();
    private static final Pattern ID = Pattern.compile("id=([0-9A-Fa-f-]{36})");

    private TestSat() {
    }

    public static synchronized String endpoint() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/ConsultaCFDIService.svc", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher id = ID.matcher(body);
                boolean found = id.find();
                Hold hold = found ? HELD.remove(id.group(1).toUpperCase(Locale.ROOT)) : null;
                if (hold != null) {
                    hold.asked().countDown();
                    try {
                        hold.release().await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (found && DOWN.contains(id.group(1).toUpperCase(Locale.ROOT))) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                String estado = found ? ESTADOS.getOrDefault(id.group(1).toUpperCase(Locale.ROOT), "Vigente")
                        : "No Encontrado";
                byte[] answer = ("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                        + "<ConsultaResponse xmlns=\"http://tempuri.org/\"><ConsultaResult xmlns:a=\"x\">"
                        + "<a:CodigoEstatus>S - Comprobante obtenido satisfactoriamente.</a:CodigoEstatus>"
                        + "<a:EsCancelable>Cancelable con aceptación</a:EsCancelable><a:Estado>" + estado
                        + "</a:Estado><a:EstatusCancelacion/><a:ValidacionEFOS>200</a:ValidacionEFOS>"
                        + "</ConsultaResult></ConsultaResponse></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ConsultaCFDIService.svc";
    }

    /** The next question about that UUID waits, after counting down {@code asked}, until {@code release}. */
    public record Hold(CountDownLatch asked, CountDownLatch release) {
    }

    public static Hold hold(String uuid) {
        Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
        HELD.put(uuid.toUpperCase(Locale.ROOT), hold);
        return hold;
    }

    /** From now on SAT answers HTTP 503 (service unavailable) for that UUID. */
    public static void unavailableFor(String uuid) {
        DOWN.add(uuid.toUpperCase(Locale.ROOT));
    }

    /** From now on SAT answers this estado ("Cancelado", "No Encontrado"...) for that UUID, even if it was down. */
    public static void answer(String uuid, String estado) {
        ESTADOS.put(uuid.toUpperCase(Locale.ROOT), estado);
        DOWN.remove(uuid.toUpperCase(Locale.ROOT));
    }
}
