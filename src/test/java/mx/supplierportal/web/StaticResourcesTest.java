package mx.supplierportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The stylesheets and scripts every page links to are served (static files live only under /webjars, /css and
 * /js), and an address that is neither a page nor one of those files gets the portal's "not found" page.
 */
class StaticResourcesTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyStylesheetAndScriptThePagesLinkToIsServed() throws Exception {
        String login = get("/login").body();
        List<String> links = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"").matcher(login);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        assertThat(links).hasSize(7).anyMatch(l -> l.contains("bootstrap.min.css")).anyMatch(l -> l.contains("htmx"))
                .contains("/css/portal.css", "/js/tables.js", "/js/confirm.js", "/js/validation.js");
        for (String link : links) {
            HttpResponse<String> file = get(link);
            assertThat(file.statusCode()).as(link).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElse("")).as(link)
                    .containsAnyOf("text/css", "javascript");
            assertThat(file.body()).as(link).hasSizeGreaterThan(100);
        }
        assertThat(get("/js/upload.js").statusCode()).isEqualTo(200);
        // a favicon: the page names the SVG one; browsers that ask for /favicon.ico get an icon too
        assertThat(login).contains("href=\"/img/favicon.svg\"");
        assertThat(get("/img/favicon.svg").statusCode()).isEqualTo(200);
        HttpResponse<String> ico = get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type").orElse("")).contains("icon");
    }

    @Test
    void onlyThoseFoldersAreServedAndAMissingFileIsNotFound() throws Exception {
        // Only the three prefixes are files: the folder they come from and other classpath files are not
        for (String path : List.of("/static/css/portal.css", "/portal.css", "/application.yml",
                "/messages_es.properties")) {
            assertThat(get(path).statusCode()).as(path).isNotEqualTo(200);
        }
        HttpResponse<String> missing = get("/css/no-such.css");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No encontramos esta página");
    }

    private HttpResponse<String> get(String path) throws Exception {
        // as a browser asks (the "not found" answer is a page for browsers)
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html,*/*")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
