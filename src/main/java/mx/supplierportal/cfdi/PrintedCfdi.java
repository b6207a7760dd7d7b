package mx.supplierportal.cfdi;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printed representation of a stamped CFDI, as Anexo 20 asks of it: issuer and receiver, concepts, taxes, totals
 * in figures and in words, serie and folio, the folio fiscal (UUID), both certificate numbers, the three seals, the
 * cadena original of SAT's certification complement, and the QR code with SAT's verification address. A stamp of the
 * built-in test PAC is marked "PRUEBAS — SIN VALIDEZ FISCAL" on every page. Always in Spanish: it is a fiscal
 * document of Mexico.
 */
public final class PrintedCfdi {

    /** SAT's verification service, which the QR code and the page link to. */
    public static final String VERIFY_URL = "https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx";

    private static final float MARGIN = 40;
    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final Color GREY = new Color(0x55, 0x5b, 0x62);
    private static final Color LINE = new Color(0xce, 0xd4, 0xda);
    private static final Color RED = new Color(0xb0, 0x2a, 0x37);

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private PDDocument document;
    private PDPageContentStream out;
    private float y;
    private boolean test;

    private PrintedCfdi() {
    }

    /** The PDF of a stamped CFDI; {@code test} marks a stamp of the built-in test PAC. */
    public static byte[] render(Cfdi cfdi, boolean test) {
        Cfdi.Timbre timbre = cfdi.timbre().orElseThrow(() -> new IllegalArgumentException("the CFDI has no stamp"));
        try {
            return new PrintedCfdi().print(cfdi, timbre, test);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CFDI's PDF", e);
        }
    }

    /** SAT's verification address of a stamped CFDI: what its QR code holds. */
    public static String verificationUrl(Cfdi cfdi) {
        Cfdi.Timbre timbre = cfdi.timbre().orElseThrow();
        String sello = cfdi.comprobante().sello();
        // tt: the total with six decimals (Anexo 20: up to 18 integers, the point and 6 decimals)
        String total = new BigDecimal(cfdi.comprobante().total()).setScale(6, RoundingMode.HALF_UP).toPlainString();
        return VERIFY_URL + "?id=" + timbre.uuid() + "&re=" + encode(cfdi.emisor().rfc()) + "&rr="
                + encode(cfdi.receptor().rfc()) + "&tt=" + total + "&fe=" + encode(sello.substring(
                        Math.max(0, sello.length() - 8)));
    }

    private byte[] print(Cfdi cfdi, Cfdi.Timbre timbre, boolean test) throws IOException {
        this.test = test;
        try (PDDocument pdf = new PDDocument()) {
            document = pdf;
            newPage();
            Cfdi.Comprobante c = cfdi.comprobante();
            String serieFolio = (c.serie() == null ? "" : c.serie()) + (c.folio() == null ? "" : "-" + c.folio());
            // issuer (left) and the comprobante (right)
            float top = y;
            text(bold, 13, MARGIN, y, cfdi.emisor().nombre());
            y -= 16;
            line(regular, 9, "RFC: " + cfdi.emisor().rfc());
            line(regular, 9, "Régimen fiscal: " + SatCatalogs.regimen(cfdi.emisor().regimenFiscal()));
            line(regular, 9, "Lugar de expedición (CP): " + c.lugarExpedicion());
            float left = y;
            y = top;
            float right = PAGE.getWidth() - MARGIN;
            textRight(bold, 13, right, y, "CFDI de " + SatCatalogs.tipoDeComprobante(c.tipoDeComprobante()));
            y -= 16;
            textRight(regular, 9, right, y, "Serie y folio: " + (serieFolio.isBlank() ? "—" : serieFolio));
            y -= 12;
            textRight(regular, 9, right, y, "Fecha de emisión: " + c.fecha().replace('T', ' '));
            y -= 12;
            textRight(bold, 9, right, y, "Folio fiscal (UUID): " + timbre.uuid());
            y = Math.min(left, y - 12) - 6;
            rule();

            heading("Receptor");
            line(regular, 9, cfdi.receptor().nombre() + "  ·  RFC: " + cfdi.receptor().rfc());
            line(regular, 9, "Domicilio fiscal (CP): " + nullToDash(cfdi.receptor().domicilioFiscalReceptor())
                    + "  ·  Régimen fiscal: " + SatCatalogs.regimen(cfdi.receptor().regimenFiscalReceptor()));
            line(regular, 9, "Uso del CFDI: " + SatCatalogs.usoCfdi(cfdi.receptor().usoCfdi()));
            y -= 4;

            heading("Conceptos");
            float[] columns = {MARGIN, MARGIN + 50, MARGIN + 95, MARGIN + 160, PAGE.getWidth() - MARGIN - 150,
                PAGE.getWidth() - MARGIN - 70};
            row(bold, columns, "Cantidad", "Unidad", "Clave SAT", "Descripción", "Valor unitario", "Importe");
            for (Cfdi.Concepto concepto : cfdi.conceptos()) {
                List<String> description = wrap(regular, 8, concepto.descripcion(), columns[4] - columns[3] - 8);
                ensure(10 * description.size() + 4);
                float rowTop = y;
                text(regular, 8, columns[0], y, concepto.cantidad());
                text(regular, 8, columns[1], y, concepto.claveUnidad());
                text(regular, 8, columns[2], y, concepto.claveProdServ());
                textRight(regular, 8, columns[5] - 8, y, money(concepto.valorUnitario()));
                textRight(regular, 8, PAGE.getWidth() - MARGIN, y, money(concepto.importe()));
                for (String part : description) {
                    text(regular, 8, columns[3], y, part);
                    y -= 10;
                }
                y = Math.min(y, rowTop - 10);
                for (Cfdi.Tax tax : concepto.traslados()) {
                    taxLine("Traslado", tax, columns[3]);
                }
                for (Cfdi.Tax tax : concepto.retenciones()) {
                    taxLine("Retención", tax, columns[3]);
                }
                y -= 2;
            }
            rule();

            // totals
            float labels = PAGE.getWidth() - MARGIN - 200;
            total(labels, "Subtotal", c.subTotal(), c.moneda(), false);
            if (c.descuento() != null) {
                total(labels, "Descuento", c.descuento(), c.moneda(), false);
            }
            if (cfdi.impuestos().isPresent()) {
                for (Cfdi.Tax tax : cfdi.impuestos().get().traslados()) {
                    total(labels, SatCatalogs.impuesto(tax.impuesto()) + " trasladado " + rate(tax), tax.importe(),
                            c.moneda(), false);
                }
                for (Cfdi.Tax tax : cfdi.impuestos().get().retenciones()) {
                    total(labels, SatCatalogs.impuesto(tax.impuesto()) + " retenido", tax.importe(), c.moneda(), false);
                }
            }
            total(labels, "Total", c.total(), c.moneda(), true);
            paragraph(regular, 8.5f, "Importe con letra: " + AmountInWords.of(c.total(), c.moneda()));
            line(regular, 8.5f, "Forma de pago: " + SatCatalogs.formaPago(c.formaPago()) + "  ·  Método de pago: "
                    + SatCatalogs.metodoPago(c.metodoPago()));
            line(regular, 8.5f, "Moneda: " + c.moneda() + (c.tipoCambio() == null ? "" : "  ·  Tipo de cambio: "
                    + c.tipoCambio()) + "  ·  Exportación: " + nullToDash(c.exportacion()));
            y -= 4;
            rule();

            // the stamp: QR on the left, its data on the right
            heading("Timbre fiscal digital");
            ensure(110);
            float qrTop = y;
            qr(verificationUrl(cfdi), MARGIN, y - 100, 100);
            float x = MARGIN + 112;
            label(x, "Folio fiscal (UUID)", timbre.uuid());
            label(x, "No. de serie del certificado del emisor", c.noCertificado());
            label(x, "No. de serie del certificado del SAT", timbre.noCertificadoSat());
            label(x, "Fecha y hora de certificación", timbre.fechaTimbrado().replace('T', ' '));
            label(x, "RFC del proveedor de certificación", timbre.rfcProvCertif());
            y = Math.min(y, qrTop - 108);
            seal("Sello digital del CFDI", c.sello());
            seal("Sello digital del SAT", timbre.selloSat());
            seal("Cadena original del complemento de certificación digital del SAT", StampSeal.cadenaOf(timbre));
            paragraph(regular, 7.5f, "Verifique este comprobante en " + VERIFY_URL.replace("/default.aspx", "")
                    + " (el código QR lleva sus datos).");
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
        if (test) {
            out.setNonStrokingColor(RED);
            out.addRect(MARGIN, y - 16, PAGE.getWidth() - 2 * MARGIN, 18);
            out.fill();
            out.setNonStrokingColor(Color.WHITE);
            text(bold, 9.5f, MARGIN + 6, y - 11, "PRUEBAS — SIN VALIDEZ FISCAL: timbrado por el PAC de pruebas del "
                    + "portal, no por un PAC del SAT");
            out.setNonStrokingColor(Color.BLACK);
            y -= 30;
        }
        out.setNonStrokingColor(GREY);
        text(regular, 7, MARGIN, 22, "Este documento es una representación impresa de un CFDI. Página "
                + document.getNumberOfPages());
        out.setNonStrokingColor(Color.BLACK);
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void heading(String text) throws IOException {
        ensure(30);
        y -= 4;
        text(bold, 10, MARGIN, y, text);
        y -= 14;
    }

    private void line(PDType1Font font, float size, String text) throws IOException {
        ensure(size + 4);
        text(font, size, MARGIN, y, text);
        y -= size + 3;
    }

    private void paragraph(PDType1Font font, float size, String text) throws IOException {
        for (String part : wrap(font, size, text, PAGE.getWidth() - 2 * MARGIN)) {
            line(font, size, part);
        }
    }

    private void label(float x, String label, String value) throws IOException {
        out.setNonStrokingColor(GREY);
        text(regular, 7.5f, x, y, label);
        out.setNonStrokingColor(Color.BLACK);
        y -= 9;
        text(mono, 8.5f, x, y, nullToDash(value));
        y -= 12;
    }

    private void seal(String label, String value) throws IOException {
        ensure(24);
        out.setNonStrokingColor(GREY);
        text(regular, 7.5f, MARGIN, y, label);
        out.setNonStrokingColor(Color.BLACK);
        y -= 9;
        for (String part : wrapAnywhere(mono, 6.5f, nullToDash(value), PAGE.getWidth() - 2 * MARGIN)) {
            ensure(9);
            text(mono, 6.5f, MARGIN, y, part);
            y -= 8;
        }
        y -= 4;
    }

    private void row(PDType1Font font, float[] columns, String... cells) throws IOException {
        ensure(14);
        for (int i = 0; i < cells.length; i++) {
            if (i >= 4) {
                textRight(font, 8, i == 4 ? columns[5] - 8 : PAGE.getWidth() - MARGIN, y, cells[i]);
            } else {
                text(font, 8, columns[i], y, cells[i]);
            }
        }
        y -= 12;
    }

    private void taxLine(String kind, Cfdi.Tax tax, float x) throws IOException {
        ensure(10);
        out.setNonStrokingColor(GREY);
        text(regular, 7, x, y, kind + " " + SatCatalogs.impuesto(tax.impuesto()) + " "
                + rate(tax) + " sobre " + money(tax.base()) + ": " + money(tax.importe()));
        out.setNonStrokingColor(Color.BLACK);
        y -= 9;
    }

    private void total(float x, String label, String amount, String currency, boolean strong) throws IOException {
        ensure(14);
        PDType1Font font = strong ? bold : regular;
        text(font, strong ? 10 : 9, x, y, label);
        textRight(font, strong ? 10 : 9, PAGE.getWidth() - MARGIN, y, money(amount) + " " + currency);
        y -= strong ? 14 : 12;
    }

    private void rule() throws IOException {
        out.setStrokingColor(LINE);
        out.moveTo(MARGIN, y + 4);
        out.lineTo(PAGE.getWidth() - MARGIN, y + 4);
        out.stroke();
        out.setStrokingColor(Color.BLACK);
        y -= 8;
    }

    /** The QR code drawn as squares (vector, sharp at any zoom), error correction M as SAT's examples use. */
    private void qr(String content, float x, float bottom, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the QR code", e);
        }
        float cell = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    out.addRect(x + column * cell, bottom + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        out.fill();
    }

    private void text(PDType1Font font, float size, float x, float baseline, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(printable(font, text));
        out.endText();
    }

    private void textRight(PDType1Font font, float size, float right, float baseline, String text) throws IOException {
        String printable = printable(font, text);
        text(font, size, right - font.getStringWidth(printable) / 1000 * size, baseline, printable);
    }

    /** Words on lines no wider than {@code width}. */
    private List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : printable(font, nullToDash(text)).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        List<String> fitted = new ArrayList<>();
        for (String line : lines) {
            fitted.addAll(wrapAnywhere(font, size, line, width)); // a single long word is cut
        }
        return fitted;
    }

    /** Characters on lines no wider than {@code width} (seals and cadenas have no spaces). */
    private static List<String> wrapAnywhere(PDType1Font font, float size, String text, float width)
            throws IOException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start + 1;
            while (end < text.length() && font.getStringWidth(text.substring(start, end + 1)) / 1000 * size <= width) {
                end++;
            }
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    /** The text with what the standard fonts cannot show (outside WinAnsi) as "?". */
    private static String printable(PDType1Font font, String text) {
        StringBuilder result = new StringBuilder();
        text.codePoints().forEach(point -> {
            String character = new String(Character.toChars(point));
            try {
                font.encode(character);
                result.append(character);
            } catch (IOException | IllegalArgumentException e) {
                result.append('?');
            }
        });
        return result.toString();
    }

    private static String money(String amount) {
        if (amount == null) {
            return "—";
        }
        BigDecimal value = new BigDecimal(amount);
        return String.format(Locale.US, "%,." + Math.max(2, Math.min(6, value.stripTrailingZeros().scale())) + "f",
                value);
    }

    private static String rate(Cfdi.Tax tax) {
        if (tax.tasaOCuota() == null) {
            return "(exento)";
        }
        return new BigDecimal(tax.tasaOCuota()).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
