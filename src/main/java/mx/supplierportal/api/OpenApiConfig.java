package mx.supplierportal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document of {@code /api/v1} ({@code /api/openapi.json}, browsable at {@code /api/docs}): the bearer
 * scheme, the problem+json schema, and the errors every operation can answer (400, 401, 403, 404, 429) added to each
 * operation here rather than repeated on every controller method.
 */
@Configuration
class OpenApiConfig {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI supplierPortalApi(@Value("${portal.base-url}") String baseUrl) {
        return new OpenAPI()
                .info(new Info().title("Portal de proveedores — API para ERP").version("v1").description("""
                        The supplier portal's REST API for suppliers' ERPs: upload and send CFDI invoices with the \
                        documents your clients require, follow them through each client's stages, read your \
                        payments, stamp CFDIs and check your digital record.

                        **Authentication**: a personal access token created on *Mi perfil › Acceso para tu ERP*, sent \
                        as `Authorization: Bearer spt_…`. Each operation names the scope it needs.

                        **Errors** are `application/problem+json` (RFC 9457): a stable `type` \
                        (`/api/problems/<slug>`), a `title` in the language of `Accept-Language` (`es` or `en`), a \
                        `detail`, and `findings` (code, severity, message) when a CFDI is refused. Types: \
                        `unauthorized` (401), `insufficient-scope` (403), `not-found` (404 — also for another \
                        supplier's ids), `invalid-request` (400), `invalid-cfdi` and `refused` and \
                        `idempotency-key-reused` (422), `conflict` (409), `too-large` (413), `rate-limited` (429, with `Retry-After`), \
                        `internal` (500: nothing was stored)."""))
                .servers(List.of(new Server().url(baseUrl.replaceAll("/+$", ""))))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Personal access token (Mi perfil › Acceso para tu ERP)")));
    }

    @Bean
    OpenApiCustomizer commonProblems() {
        // the schema is added here, with the references to it (springdoc drops component schemas nothing refers to)
        return api -> api.schema(PROBLEM, problemSchema()).getPaths().values().forEach(path -> path.readOperations()
                .forEach(operation -> {
            ApiResponses responses = operation.getResponses();
            common().forEach((code, description) -> {
                if (!responses.containsKey(code)) {
                    responses.addApiResponse(code, problem(description));
                } else if (!code.startsWith("2")) {
                    responses.get(code).setContent(problemContent());
                }
            });
            responses.forEach((code, response) -> {
                if (code.startsWith("4") && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            });
        }));
    }

    private static Map<String, String> common() {
        return Map.of("400", "A part or parameter is missing or wrong (`invalid-request`)",
                "401", "No token, or a wrong, expired or revoked one (`unauthorized`)",
                "403", "The token lacks this operation's scope (`insufficient-scope`)",
                "404", "Not found, or not yours (`not-found`)",
                "429", "Over the token's requests a minute (`rate-limited`); see Retry-After");
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema finding = new ObjectSchema();
        finding.addProperty("code", new StringSchema().example("CTX-RECEPTOR"));
        finding.addProperty("severity", new StringSchema()._enum(List.of("ERROR", "WARNING")));
        finding.addProperty("message", new StringSchema().example(
                "El RFC del receptor no es el de Municipio de Cuautitlán Izcalli (MCI7306249Y1)."));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("/api/problems/invalid-cfdi"));
        problem.addProperty("title", new StringSchema().example("El CFDI no se puede recibir"));
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("findings", new io.swagger.v3.oas.models.media.ArraySchema().items(finding));
        return problem;
    }
}
