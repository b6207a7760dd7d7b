package mx.supplierportal.cfdi;

import java.util.List;
import java.util.Optional;

/** The outcome of validating one file: the CFDI when it could be read, and every finding. */
public record ValidationReport(Optional<Cfdi> cfdi, List<Finding> findings) {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** Read, and no finding is an ERROR. */
    public boolean valid() {
        return cfdi.isPresent() && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Could not be read as a CFDI 4.0 at all. */
    public boolean unreadable() {
        return cfdi.isEmpty();
    }

    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}
