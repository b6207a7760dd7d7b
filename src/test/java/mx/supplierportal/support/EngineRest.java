package mx.supplierportal.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls to the engine's REST API over real HTTP with HTTP Basic, as an ERP script or an attacker would. */
public final class EngineRest {

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String language;

    public EngineRest(String baseUrl, String user, String password) {
        this(baseUrl, user, password, null);
    }

    /** Requests that carry the portal's language cookie, as a browser that chose that language does. */
    public EngineRest(String baseUrl, String user, String password, String language) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.language = language;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Basic " + credentials);
        return language == null ? builder : builder.header("Cookie", "portal-lang=" + language);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
