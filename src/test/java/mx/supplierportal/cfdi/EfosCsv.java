package mx.supplierportal.cfdi;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a 69-B list in the shape SAT publishes its "Listado completo 69-B": title and legend lines, then a header of
 * 18 columns, quoted fields (names with commas and line breaks), Latin-1. Tests make their own; nothing is downloaded.
 */
public final class EfosCsv {

    private static final String HEADER = "\"No\",\"RFC\",\"Nombre del Contribuyente\",\"Situación del contribuyente\","
            + "\"Número y fecha de oficio global de presunción SAT\",\"Publicación página SAT presuntos\","
            + "\"Número y fecha de oficio global de presunción DOF\",\"Publicación DOF presuntos\","
            + "\"Número y fecha de oficio global de contribuyentes que desvirtuaron SAT\","
            + "\"Publicación página SAT desvirtuados\","
            + "\"Número y fecha de oficio global de contribuyentes que desvirtuaron DOF\",\"Publicación DOF desvirtuados\","
            + "\"Número y fecha de oficio global de definitivos SAT\",\"Publicación página SAT definitivos\","
            + "\"Número y fecha de oficio global de definitivos DOF\",\"Publicación DOF definitivos\","
            + "\"Número y fecha de oficio global de sentencia favorable SAT\","
            + "\"Publicación página SAT sentencia favorable\"";

    private final String cut;
    private final List<String[]> rows = new ArrayList<>();

    /** {@code cut}: the date as SAT's title writes it, e.g. "30 de septiembre de 2025". */
    public EfosCsv(String cut) {
        this.cut = cut;
    }

    public EfosCsv add(String rfc, String name, String situation) {
        rows.add(new String[] {rfc, name, situation});
        return this;
    }

    /** {@code count} more taxpayers (Desvirtuado, each its own 12-character RFC), for files of a realistic size. */
    public EfosCsv filler(int count) {
        for (int i = 0; i < count; i++) {
            add(String.format("ZZ%07d%03d", i, i % 1000), "CONTRIBUYENTE " + i + ", S.A. DE C.V.", "Desvirtuado");
        }
        return this;
    }

    public byte[] bytes() {
        return bytes(StandardCharsets.ISO_8859_1);
    }

    public byte[] bytes(Charset charset) {
        StringBuilder csv = new StringBuilder();
        csv.append("\"Información actualizada al ").append(cut).append("\"\r\n");
        csv.append("\"Listado completo de contribuyentes (Artículo 69-B del Código Fiscal de la Federación)\"\r\n");
        csv.append("\"La información contenida en este listado es pública; consulte los oficios en el DOF.\"\r\n\r\n");
        csv.append(HEADER).append("\r\n");
        int n = 1;
        for (String[] row : rows) {
            csv.append(n++).append(",\"").append(row[0]).append("\",\"").append(row[1].replace("\"", "\"\""))
                    .append("\",\"").append(row[2]).append("\",\"500-05-2019-17196 de fecha 25 de julio de 2019\","
                            + "\"01/08/2019\",\"500-05-2019-17196 de fecha 25 de julio de 2019\",\"20/08/2019\"")
                    .append(",,,,,,,,,,\r\n");
        }
        return csv.toString().getBytes(charset);
    }
}
