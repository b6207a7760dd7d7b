package mx.supplierportal.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads the text of the first pages of a PDF (Apache PDFBox), to check what a printed invoice shows. Within a
 * budget: a PDF whose page contents inflate to more than {@value #MAX_CONTENT_BYTES} bytes (a "flate bomb": 2 MB that
 * inflate to 2 GB cost 13 s of CPU) is not read — it counts as a PDF without readable text, which only skips a
 * warning. The budget is checked by decoding each content stream with a bounded read before any text extraction.
 */
public final class PdfText {

    private static final int PAGES = 3;
    /** Real invoices' first pages hold a few hundred kB of content at most. */
    static final long MAX_CONTENT_BYTES = 16L * 1024 * 1024;
    private static final int MAX_FORM_DEPTH = 4;

    private PdfText() {
    }

    /**
     * Whether the text of the first pages shows {@code value}, ignoring case, spaces and line breaks (a UUID is
     * often split over two lines); empty when the PDF cannot be read (encrypted, damaged, scanned without text).
     */
    public static Optional<Boolean> shows(byte[] pdf, String value) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted() || !withinBudget(document)) {
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

    /** Whether the content the text stripper would decode for the first pages stays within the budget. */
    static boolean withinBudget(PDDocument document) throws IOException {
        long[] left = {MAX_CONTENT_BYTES};
        int pages = Math.min(PAGES, document.getNumberOfPages());
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (InputStream contents = page.getContents()) {
                if (contents != null && !consume(contents, left)) {
                    return false;
                }
            }
            if (!formsWithinBudget(page.getResources(), left, 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean formsWithinBudget(PDResources resources, long[] left, int depth) throws IOException {
        if (resources == null) {
            return true;
        }
        if (depth > MAX_FORM_DEPTH) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                try (InputStream contents = form.getContentStream().createInputStream()) {
                    if (!consume(contents, left) || !formsWithinBudget(form.getResources(), left, depth + 1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Reads (decodes) the stream, taking its size from {@code left}; false as soon as the budget is used up. */
    private static boolean consume(InputStream in, long[] left) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            left[0] -= n;
            if (left[0] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
