package mx.supplierportal.cfdi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * SAT's catalog c_RegimenFiscal (catCFDI, Anexo 20 4.0): the tax regimes in force, their official name, and whether a
 * persona física (13-character RFC) or a persona moral (12) may have each.
 */
public enum RegimenFiscal {
    R601("601", "General de Ley Personas Morales", false, true),
    R603("603", "Personas Morales con Fines no Lucrativos", false, true),
    R605("605", "Sueldos y Salarios e Ingresos Asimilados a Salarios", true, false),
    R606("606", "Arrendamiento", true, false),
    R607("607", "Régimen de Enajenación o Adquisición de Bienes", true, false),
    R608("608", "Demás ingresos", true, false),
    R610("610", "Residentes en el Extranjero sin Establecimiento Permanente en México", true, true),
    R611("611", "Ingresos por Dividendos (socios y accionistas)", true, false),
    R612("612", "Personas Físicas con Actividades Empresariales y Profesionales", true, false),
    R614("614", "Ingresos por intereses", true, false),
    R615("615", "Régimen de los ingresos por obtención de premios", true, false),
    R616("616", "Sin obligaciones fiscales", true, false),
    R620("620", "Sociedades Cooperativas de Producción que optan por diferir sus ingresos", false, true),
    R621("621", "Incorporación Fiscal", true, false),
    R622("622", "Actividades Agrícolas, Ganaderas, Silvícolas y Pesqueras", false, true),
    R623("623", "Opcional para Grupos de Sociedades", false, true),
    R624("624", "Coordinados", false, true),
    R625("625", "Régimen de las Actividades Empresariales con ingresos a través de Plataformas Tecnológicas", true,
            false),
    R626("626", "Régimen Simplificado de Confianza", true, true);

    private final String code;
    private final String officialName;
    private final boolean fisica;
    private final boolean moral;

    RegimenFiscal(String code, String officialName, boolean fisica, boolean moral) {
        this.code = code;
        this.officialName = officialName;
        this.fisica = fisica;
        this.moral = moral;
    }

    public String code() {
        return code;
    }

    /** SAT's name, in Spanish as the catalog writes it. */
    public String officialName() {
        return officialName;
    }

    public static Optional<RegimenFiscal> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** Whether a taxpayer with this RFC may have the regime (12 characters: persona moral; 13: persona física). */
    public boolean appliesTo(String rfc) {
        return Rfc.isLegalEntity(rfc) ? moral : fisica;
    }

    /** The regimes a taxpayer with this RFC may have, in catalog order. */
    public static List<RegimenFiscal> forRfc(String rfc) {
        return Arrays.stream(values()).filter(r -> r.appliesTo(rfc)).toList();
    }
}
