package mx.supplierportal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Optional;
import mx.supplierportal.support.Pdf;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

/** The printed invoice's text is read within a budget: a flate bomb is skipped, a real PDF still read. */
class PdfTextTest {

    @Test
    void aPdfThatShowsTheUuidIsRead() {
        assertThat(PdfText.shows(Pdf.withText("Folio fiscal 6128396F-C09B-4EC6-8699-43C5F7E3B230"),
                "6128396f-c09b-4ec6-8699-43c5f7e3b230")).contains(true);
        assertThat(PdfText.shows(Pdf.withText("Otra factura"), "6128396F-C09B-4EC6-8699-43C5F7E3B230"))
                .contains(false);
    }

    /** The attack run's bomb, made here: a page whose 100 kB content inflates to 200 MB. Skipped, not read. */
    @Test
    void aFlateBombIsSkippedWithoutInflatingIt() throws Exception {
        byte[] bomb = bomb(200);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(bomb)) {
            assertThat(PdfText.withinBudget(document)).isFalse();
        }
        assertThat(PdfText.shows(bomb, "6128396F-C09B-4EC6-8699-43C5F7E3B230")).isEqualTo(Optional.empty());
    }

    /** A PDF of {@code megabytes} MB of zeros in one Flate-encoded page content stream. */
    static byte[] bomb(int megabytes) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream stream = document.getDocument().createCOSStream();
            byte[] zeros = new byte[1024 * 1024];
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                for (int i = 0; i < megabytes; i++) {
                    out.write(zeros);
                }
            }
            page.setContents(new PDStream(stream));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        }
    }
}
