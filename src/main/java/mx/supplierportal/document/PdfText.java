package mx.supplierportal.document;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads the text of the first pages of a PDF (Apache PDFBox), to check what a printed invoice shows. */
public final class PdfText {

    private static final int PAGES = 3;

    private PdfText() {
    }

    /**
     * Whether the text of the first pages shows {@code value}, ignoring case, spaces and line breaks (a UUID is
     * often split over two lines); empty when the PDF cannot be read (encrypted, damaged, scanned without text).
     */
    public static Optional<Boolean> shows(byte[] pdf, String value) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                return Optional.empty();
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(PAGES);
            String text = compact(stripper.getText(document));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(text.contains(compact(value)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
