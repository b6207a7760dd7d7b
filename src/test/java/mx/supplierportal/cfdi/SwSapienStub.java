package mx.supplierportal.cfdi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for SW sapien's REST stamping, speaking its documented protocol (test code only): a token from
 * {@code POST /v2/security/authenticate}, stamps from {@code POST /v4/cfdi33/stamp/v4} (multipart {@code xml},
 * bearer token, {@code customid}), the JSON envelope {@code {data, status, message, messageDetail}}, and the error
 * codes a connector must tell apart. Stamps are real: the tests' stand-in SAT signs them ({@link TestStamps}).
 * A test queues what the next stamping requests meet.
 */
final class SwSapienStub implements AutoCloseable {

    enum Next { STAMP, SERVER_ERROR, OUT_OF_STAMPS, STRUCTURE_ERROR, SLOW, LOSE_ANSWER, TOKEN_EXPIRED }

    static final String USER = "portal@sw.test";
    static final String PASSWORD = "sw-stub-password";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Next> script = new ArrayDeque<>();
    private final Map<String, Map<String, Object>> byCustomId = new ConcurrentHashMap<>();
    private final List<String> customIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** A "slow" answer waits for this: it comes only after the test is over (its client has long timed out). */
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();

    private final long latencyMillis;

    SwSapienStub() throws IOException {
        this(0);
    }

    /** A stub that answers every stamping request {@code latencyMillis} late (for the benchmark). */
    SwSapienStub(long latencyMillis) throws IOException {
        this.latencyMillis = latencyMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v2/security/authenticate", this::authenticate);
        server.createContext("/v4/cfdi33/stamp/v4", this::stamp);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized SwSapienStub then(Next next) {
        script.add(next);
        return this;
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    List<String> customIds() {
        return customIds;
    }

    private void authenticate(HttpExchange exchange) throws IOException {
        Map<?, ?> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        if (!USER.equals(body.get("user")) || !PASSWORD.equals(body.get("password"))) {
            reply(exchange, 401, envelope(null, "error", "AU1001 El usuario y/o contraseña son inválidos.", null));
            return;
        }
        String token = "stub-token-" + tokensIssued.incrementAndGet();
        tokens.put(token, true);
        reply(exchange, 200, envelope(Map.of("token", token, "expires_in",
                Instant.now().plusSeconds(7200).getEpochSecond()), "success", null, null));
    }

    private void stamp(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String bearer = authorization.replaceFirst("(?i)^bearer ", "");
        Next next;
        synchronized (this) {
            next = script.isEmpty() ? Next.STAMP : script.poll();
        }
        if (next == Next.TOKEN_EXPIRED) {
            tokens.remove(bearer);
        }
        if (!tokens.containsKey(bearer)) {
            reply(exchange, 401, envelope(null, "error", "El token debe contener 3 partes", null));
            return;
        }
        if (latencyMillis > 0) {
            sleep(latencyMillis);
        }
        String customId = exchange.getRequestHeaders().getFirst("customid");
        customIds.add(String.valueOf(customId));
        byte[] xml = xmlPart(exchange.getRequestBody().readAllBytes(),
                exchange.getRequestHeaders().getFirst("Content-Type"));
        switch (next) {
            case SERVER_ERROR -> reply(exchange, 500, envelope(null, "error", "Error interno", null));
            case OUT_OF_STAMPS -> reply(exchange, 400, envelope(null, "error",
                    "AU2001 El RFC del emisor no cuenta con timbres disponibles.", null));
            case STRUCTURE_ERROR -> reply(exchange, 400, envelope(null, "error",
                    "CFDI40108 El TipoDeComprobante no contiene un valor del catálogo c_TipoDeComprobante.", null));
            case SLOW -> {
                awaitClose();
                reply(exchange, 200, stamped(customId, xml));
            }
            case LOSE_ANSWER -> {
                stamped(customId, xml); // stamped at SW; the answer never arrives
                exchange.close();
            }
            default -> {
                Map<String, Object> earlier = customId == null ? null : byCustomId.get(customId);
                if (earlier != null) {
                    reply(exchange, 400, envelope(earlier, "error", "307. El comprobante contiene un timbre previo.",
                            null));
                } else {
                    reply(exchange, 200, stamped(customId, xml));
                }
            }
        }
    }

    private Map<String, Object> stamped(String customId, byte[] xml) {
        Map<String, Object> data;
        try {
            Stamper.Stamped stamp = TestStamps.standIn().pac().stamp(xml, null);
            data = new LinkedHashMap<>();
            data.put("cfdi", new String(stamp.xml(), StandardCharsets.UTF_8));
            data.put("uuid", stamp.uuid());
            data.put("fechaTimbrado", stamp.fechaTimbrado());
        } catch (Stamper.Refused e) {
            return envelope(null, "error", "CFDI40101 " + e.getMessage(), null);
        }
        if (customId != null) {
            byCustomId.putIfAbsent(customId, data);
        }
        return envelope(data, "success", null, null);
    }

    private static Map<String, Object> envelope(Object data, String status, String message, String detail) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("data", data);
        envelope.put("status", status);
        if (message != null) {
            envelope.put("message", message);
            envelope.put("messageDetail", detail);
        }
        return envelope;
    }

    private static byte[] xmlPart(byte[] body, String contentType) {
        String boundary = "--" + contentType.replaceFirst(".*boundary=", "");
        String text = new String(body, StandardCharsets.UTF_8);
        int part = text.indexOf("name=\"xml\"");
        int start = text.indexOf("\r\n\r\n", part) + 4;
        int end = text.indexOf("\r\n" + boundary, start);
        return text.substring(start, end).getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitClose() {
        try {
            closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The benchmark's fixed latency of a PAC (what is measured, not a wait for something). */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
