package mx.supplierportal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Calls {@code /api/**} over real HTTP on the test server, as an ERP would: no cookies kept, a bearer token, a
 * multipart body built by hand (so the test sees exactly the bytes sent).
 */
public final class ApiClient {

    /** A file part. */
    public record File(String filename, String contentType, byte[] content) {
    }

    public record Response(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, String token, String... headers) {
        return send(builder(path, token, headers).GET());
    }

    public Response post(String path, String token, String... headers) {
        return send(builder(path, token, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A multipart POST: values are {@link File}s or text fields, in order. */
    public Response multipart(String path, String token, Map<String, Object> parts, String... headers) {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> part : parts.entrySet()) {
            write(body, "--" + boundary + "\r\n");
            if (part.getValue() instanceof File file) {
                write(body, "Content-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                        + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
                body.writeBytes(file.content());
            } else {
                write(body, "Content-Disposition: form-data; name=\"" + part.getKey() + "\"\r\n\r\n"
                        + part.getValue());
            }
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(builder(path, token, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public static Map<String, Object> parts(Object... namesAndValues) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parts.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parts;
    }

    private HttpRequest.Builder builder(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
