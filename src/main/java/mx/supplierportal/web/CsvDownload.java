package mx.supplierportal.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list as a CSV download that Excel opens as it is (UTF-8 with a byte-order mark, commas, CRLF, quotes where
 * needed — Apache Commons CSV): headings in the person's language, dates as dd/MM/yyyy, amounts as plain numbers
 * with a decimal point so a spreadsheet can add them up.
 */
public final class CsvDownload {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvDownload() {
    }

    public static ResponseEntity<byte[]> of(String fileName, List<String> headings, List<List<Object>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.EXCEL.builder().setHeader(headings.toArray(String[]::new))
                .get())) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[BOM.length + content.length];
        System.arraycopy(BOM, 0, body, 0, BOM.length);
        System.arraycopy(content, 0, body, BOM.length, content.length);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
