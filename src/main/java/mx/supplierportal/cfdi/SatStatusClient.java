package mx.supplierportal.cfdi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks SAT's CFDI status service (ConsultaCFDIService, SOAP) whether a CFDI is current, cancelled or unknown, whether
 * it can be cancelled, how its cancellation stands, and whether the issuer is on the EFOS list. Endpoint and timeout
 * are the caller's; tests point it at a local stub.
 */
public final class SatStatusClient {

    /** SAT's public endpoint. */
    public static final URI SAT_ENDPOINT = URI.create(
            "https://consultaqr.facturaelectronica.sat.gob.mx/ConsultaCFDIService.svc");
    private static final String SOAP_ACTION = "http://tempuri.org/IConsultaCFDIService/Consulta";

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;

    public SatStatusClient(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The query expression: issuer and receptor RFC, total as written, UUID, last 8 characters of the seal. */
    public static String expression(String emisorRfc, String receptorRfc, String total, String uuid, String sello) {
        String fe = sello == null ? "" : sello.substring(Math.max(0, sello.length() - 8));
        return "?re=" + emisorRfc + "&rr=" + receptorRfc + "&tt=" + total + "&id=" + uuid + "&fe=" + fe;
    }

    public SatStatus query(Cfdi cfdi) {
        if (cfdi.timbre().isEmpty() || cfdi.emisor() == null || cfdi.receptor() == null) {
            return SatStatus.couldNotVerify("the CFDI is not stamped: SAT knows only stamped CFDIs");
        }
        return query(expression(cfdi.emisor().rfc(), cfdi.receptor().rfc(), cfdi.comprobante().total(),
                cfdi.timbre().get().uuid(), cfdi.comprobante().sello()));
    }

    public SatStatus query(String expression) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:tem=\"http://tempuri.org/\"><soapenv:Header/><soapenv:Body><tem:Consulta>"
                + "<tem:expresionImpresa>" + escape(expression) + "</tem:expresionImpresa>"
                + "</tem:Consulta></soapenv:Body></soapenv:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", SOAP_ACTION)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return SatStatus.couldNotVerify("SAT did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return SatStatus.couldNotVerify("SAT could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SatStatus.couldNotVerify("interrupted");
        }
        if (response.statusCode() != 200) {
            return SatStatus.couldNotVerify("SAT answered HTTP " + response.statusCode());
        }
        XmlNode root;
        try {
            root = SafeXml.parse(response.body(), 1024 * 1024);
        } catch (CfdiReadException e) {
            return SatStatus.couldNotVerify("SAT's answer is not readable XML");
        }
        Optional<String> estado = text(root, "Estado");
        if (estado.isEmpty()) {
            return SatStatus.couldNotVerify("SAT's answer has no Estado");
        }
        String efos = text(root, "ValidacionEFOS").orElse(null);
        Boolean listed = efos == null ? null : "100".equals(efos.strip()) ? Boolean.TRUE
                : "200".equals(efos.strip()) ? Boolean.FALSE : null;
        return new SatStatus(SatStatus.Outcome.VERIFIED, SatStatus.Estado.of(estado.get()),
                text(root, "CodigoEstatus").orElse(null), text(root, "EsCancelable").orElse(null),
                text(root, "EstatusCancelacion").orElse(null), listed, null);
    }

    /** The text of the first element with that local name, in any namespace. */
    private static Optional<String> text(XmlNode node, String localName) {
        if (node.name().equals(localName)) {
            return Optional.of(node.text());
        }
        for (XmlNode child : node.children()) {
            Optional<String> found = text(child, localName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
