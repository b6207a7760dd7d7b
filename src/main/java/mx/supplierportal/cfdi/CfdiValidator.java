package mx.supplierportal.cfdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a CFDI and runs every {@link Rule}; safe to share between threads. */
public final class CfdiValidator {

    private final CfdiReader reader;
    private final List<Rule> rules;

    /** Every rule; stamps are checked against SAT's bundled production certificates only. */
    public CfdiValidator() {
        this(new CfdiReader(), Rules.all());
    }

    /** Every rule; stamps are checked against {@code satCertificates}. */
    public CfdiValidator(SatCertificates satCertificates) {
        this(new CfdiReader(), Rules.all(satCertificates));
    }

    public CfdiValidator(CfdiReader reader, List<Rule> rules) {
        this.reader = reader;
        this.rules = List.copyOf(rules);
    }

    /**
     * Compiles SAT's stylesheets now (a few hundred milliseconds, once per JVM) instead of on the first CFDI with a
     * complement, so that no supplier's upload waits for it. Returns this validator.
     */
    public CfdiValidator warmedUp() {
        SatCadena.CFDI_40.namespaces();
        return this;
    }

    public ValidationReport validate(byte[] xml, ValidationContext context) {
        Cfdi cfdi;
        try {
            cfdi = reader.read(xml);
        } catch (CfdiReadException e) {
            return new ValidationReport(Optional.empty(), List.of(e.finding()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(cfdi, context, findings);
        }
        return new ValidationReport(Optional.of(cfdi), bounded(findings));
    }

    /** The most findings of one code a report lists; the rest are counted in one {@code FINDINGS-MORE}. */
    public static final int MAX_FINDINGS_PER_CODE = 20;

    /**
     * At most {@value #MAX_FINDINGS_PER_CODE} findings of each code, in their order, each code's surplus counted in
     * one FINDINGS-MORE of its severity: a file with thousands of broken Conceptos gives a readable, bounded report.
     */
    static List<Finding> bounded(List<Finding> findings) {
        java.util.Map<String, Integer> seen = new java.util.LinkedHashMap<>();
        java.util.Map<String, Severity> severities = new java.util.HashMap<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            int count = seen.merge(finding.code(), 1, Integer::sum);
            severities.merge(finding.code(), finding.severity(),
                    (a, b) -> a == Severity.ERROR || b == Severity.ERROR ? Severity.ERROR : a);
            if (count <= MAX_FINDINGS_PER_CODE) {
                kept.add(finding);
            }
        }
        seen.forEach((code, count) -> {
            if (count > MAX_FINDINGS_PER_CODE) {
                kept.add(new Finding("FINDINGS-MORE", severities.get(code),
                        List.of(count - MAX_FINDINGS_PER_CODE, code)));
            }
        });
        return kept;
    }
}
