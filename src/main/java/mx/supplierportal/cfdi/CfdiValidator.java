package mx.supplierportal.cfdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a CFDI and runs every {@link Rule}; safe to share between threads. */
public final class CfdiValidator {

    private final CfdiReader reader;
    private final List<Rule> rules;

    public CfdiValidator() {
        this(new CfdiReader(), Rules.all());
    }

    public CfdiValidator(CfdiReader reader, List<Rule> rules) {
        this.reader = reader;
        this.rules = List.copyOf(rules);
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
        return new ValidationReport(Optional.of(cfdi), findings);
    }
}
