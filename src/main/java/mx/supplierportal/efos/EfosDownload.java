package mx.supplierportal.efos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import mx.supplierportal.cfdi.EfosList;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Optionally fetches SAT's 69-B list from a configured address before the nightly check ({@code efos-nightly.bpmn},
 * a retried job): off when {@code portal.efos.download-url} is empty (the default). A file with the cut date of the
 * current version is the same list again and is skipped; a refused file (not the list, far smaller, older) fails the
 * job, so that it is retried and finally becomes an incident an operator sees in Cockpit.
 */
@Component
public class EfosDownload {

    private static final Logger LOG = LoggerFactory.getLogger(EfosDownload.class);

    private final EfosLists lists;
    private final String url;
    private final Duration timeout;

    EfosDownload(EfosLists lists, @Value("${portal.efos.download-url:}") String url,
            @Value("${portal.efos.download-timeout:PT2M}") Duration timeout) {
        this.lists = lists;
        this.url = url == null ? "" : url.strip();
        this.timeout = timeout;
    }

    /** The version imported, or empty when downloading is off or the file is the current list again. */
    public Optional<EfosLists.Version> fetch() {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        byte[] csv;
        try {
            HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SAT's 69-B list could not be downloaded from " + url + ": HTTP "
                        + response.statusCode());
            }
            csv = response.body();
        } catch (IOException e) {
            throw new IllegalStateException("SAT's 69-B list could not be downloaded from " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading SAT's 69-B list", e);
        }
        Optional<EfosLists.Version> current = lists.current();
        try {
            EfosList list = EfosList.parse(csv);
            if (current.isPresent() && list.cutDate() != null && list.cutDate().equals(current.get().cutDate())) {
                LOG.info("SAT's 69-B list at {} is the current one (cut {}): nothing imported", url, list.cutDate());
                return Optional.empty();
            }
        } catch (EfosList.FormatException e) {
            throw new IllegalStateException("The file at " + url + " is not SAT's 69-B list: " + e.getMessage());
        }
        try {
            EfosLists.Version version = lists.importList(csv, url.replaceAll(".*/", ""), "download");
            LOG.info("SAT's 69-B list downloaded from {}: {} taxpayers, cut {}", url, version.rows(), version.cutDate());
            return Optional.of(version);
        } catch (EfosImportRefused e) {
            throw new IllegalStateException("SAT's 69-B list downloaded from " + url + " was refused: "
                    + e.messageKey() + " " + java.util.List.of(e.arguments()));
        }
    }

    @Bean
    static JavaDelegate efosDownloadDelegate(EfosDownload download) {
        return execution -> execution.setVariable("downloaded", download.fetch().isPresent());
    }
}
