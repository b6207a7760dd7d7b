package mx.supplierportal.cfdi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The printed representation of the shared sample invoice (stamped in SAT's test environment): what Anexo 20 asks is
 * on it, and its QR code, read back from the rendered page, is SAT's verification address.
 */
class PrintedCfdiTest {

    private static final Path SAMPLE = Path.of("src/test/resources/cfdi/invoice-stamped-test-csd.xml");

    @Test
    void theSampleInvoicePrintsWithEverythingAnexo20AsksAndAQrThatReadsSatsAddress() throws Exception {
        Cfdi cfdi = new CfdiReader().read(Files.readAllBytes(SAMPLE));
        Cfdi.Timbre timbre = cfdi.timbre().orElseThrow();
        byte[] pdf = PrintedCfdi.render(cfdi, true);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("PRUEBAS — SIN VALIDEZ FISCAL", cfdi.emisor().nombre(), cfdi.emisor().rfc(),
                    cfdi.receptor().rfc(), timbre.uuid(), timbre.noCertificadoSat(), cfdi.comprobante().noCertificado(),
                    "Importe con letra:", "Sello digital del CFDI", "Sello digital del SAT",
                    "Cadena original del complemento de certificación digital del SAT",
                    "Este documento es una representación impresa de un CFDI");
            // the seals and the cadena are printed whole (wrapped over several lines)
            String joined = text.replace(" ", "");
            assertThat(joined).contains(timbre.selloSat().replace(" ", ""),
                    StampSeal.cadenaOf(timbre).replace(" ", ""));
            for (Cfdi.Concepto concepto : cfdi.conceptos()) {
                assertThat(text).contains(concepto.claveProdServ());
            }
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            Files.createDirectories(Path.of("target/screenshots"));
            ImageIO.write(page, "png", Path.of("target/screenshots/95-printed-cfdi.png").toFile());
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                    page.getWidth(), page.getHeight(), pixels)))).getText();
            assertThat(qr).isEqualTo(PrintedCfdi.verificationUrl(cfdi));
            String sello = cfdi.comprobante().sello();
            assertThat(qr).startsWith("https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id="
                    + timbre.uuid() + "&re=" + cfdi.emisor().rfc() + "&rr=" + cfdi.receptor().rfc() + "&tt=")
                    .endsWith("&fe=" + java.net.URLEncoder.encode(sello.substring(sello.length() - 8), "UTF-8"));
        }
        try (PDDocument production = Loader.loadPDF(PrintedCfdi.render(cfdi, false))) {
            assertThat(new PDFTextStripper().getText(production)).doesNotContain("PRUEBAS");
        }
    }

    @Test
    void totalsInWordsAsMexicanInvoicesWriteThem() {
        assertThat(AmountInWords.of("1640.00", "MXN")).isEqualTo("MIL SEISCIENTOS CUARENTA PESOS 00/100 M.N.");
        assertThat(AmountInWords.of("1", "MXN")).isEqualTo("UN PESO 00/100 M.N.");
        assertThat(AmountInWords.of("21.5", "MXN")).isEqualTo("VEINTIÚN PESOS 50/100 M.N.");
        assertThat(AmountInWords.of("1000000", "MXN")).isEqualTo("UN MILLÓN DE PESOS 00/100 M.N.");
        assertThat(AmountInWords.of("2500000.999", "MXN"))
                .isEqualTo("DOS MILLONES QUINIENTOS MIL UN PESOS 00/100 M.N.");
        assertThat(AmountInWords.of("101.07", "USD")).isEqualTo("CIENTO UN DÓLARES 07/100 USD");
    }
}
