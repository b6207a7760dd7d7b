package mx.supplierportal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.supplierportal.support.ApiClient;
import mx.supplierportal.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * /api/openapi.json is a valid OpenAPI 3 document (parsed by the reference parser, no messages), lists every
 * operation of /api/v1 with its scope and its problems, and /api/docs shows it.
 */
class OpenApiDocumentTest extends IntegrationTest {

    static final List<String> OPERATIONS = List.of(
            "POST /api/v1/invoices", "GET /api/v1/invoices", "GET /api/v1/invoices/{id}",
            "POST /api/v1/invoices/{id}/send", "GET /api/v1/invoices/{id}/xml", "GET /api/v1/invoices/{id}/pdf",
            "GET /api/v1/payments", "GET /api/v1/payments/{id}", "POST /api/v1/payments/{id}/complement",
            "POST /api/v1/stamps", "GET /api/v1/stamps/{id}", "GET /api/v1/stamps/{id}/xml",
            "GET /api/v1/stamps/{id}/pdf", "GET /api/v1/record");

    @Test
    void theDocumentIsValidAndListsEveryOperationWithItsScopeAndProblems() {
        ApiClient.Response response = new ApiClient(port).get("/api/openapi.json", null);
        assertThat(response.status()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.text());
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getComponents().getSecuritySchemes().get("token").getScheme()).isEqualTo("bearer");

        List<String> found = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) -> {
                String name = method + " " + path.getKey();
                found.add(name);
                assertThat(operation.getSummary()).as(name + " summary").isNotBlank();
                assertThat(operation.getExtensions()).as(name + " scope").containsKey("x-required-scope");
                assertThat(ApiScope.parse((String) operation.getExtensions().get("x-required-scope"))).isPresent();
                assertThat(operation.getResponses()).as(name + " problems").containsKeys("401", "403", "404", "429");
                assertThat(operation.getResponses().get("401").getContent()).containsKey("application/problem+json");
                assertThat(operation.getSecurity()).as(name + " security").isNotEmpty();
            });
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(OPERATIONS);
        Operation upload = api.getPaths().get("/api/v1/invoices").getPost();
        assertThat(upload.getResponses()).containsKeys("200", "201", "422");
        assertThat(upload.getRequestBody().getContent()).containsKey("multipart/form-data");
        assertThat(api.getComponents().getSchemas()).containsKeys("Invoice", "Payment", "Stamp", "Record",
                "Problem");
    }

    @Test
    void theBrowsableDocsOpenWithoutAToken() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response docs = client.get("/api/docs", null);
        assertThat(docs.status()).isIn(200, 302);
        String location = docs.status() == 302 ? docs.header("Location") : "/api/docs";
        ApiClient.Response page = client.get(location.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        ApiClient.Response config = client.get("/api/openapi.json/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text()).contains("/api/openapi.json");
    }
}
