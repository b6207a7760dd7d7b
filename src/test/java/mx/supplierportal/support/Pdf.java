package mx.supplierportal.support;

import java.nio.charset.StandardCharsets;

/** Small but real test files. */
public final class Pdf {

    private Pdf() {
    }

    /** A minimal one-page PDF with the given text in its content stream. */
    public static byte[] withText(String text) {
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R>>endobj\n"
                + "4 0 obj<</Length " + (text.length() + 30) + ">>stream\nBT /F1 12 Tf 20 100 Td (" + text
                + ") Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The first bytes of a Windows executable. */
    public static byte[] executable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }
}
