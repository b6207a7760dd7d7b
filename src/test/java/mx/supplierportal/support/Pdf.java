package mx.supplierportal.support;

import java.nio.charset.StandardCharsets;

/** Small but real test files. */
public final class Pdf {

    private Pdf() {
    }

    /** A minimal one-page PDF showing the given text (Helvetica), readable by PDF text extractors. */
    public static byte[] withText(String text) {
        String content = "BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET\n";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R"
                + "/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>endobj\n"
                + "4 0 obj<</Length " + content.getBytes(StandardCharsets.ISO_8859_1).length + ">>stream\n" + content
                + "endstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
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
