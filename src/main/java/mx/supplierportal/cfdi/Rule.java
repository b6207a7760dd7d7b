package mx.supplierportal.cfdi;

import java.util.List;

/**
 * One validation rule: a stable code, its usual severity, where it comes from, and the check. Every code is listed
 * in docs/cfdi-rules.md and has a message in Spanish and English.
 */
public interface Rule {

    String code();

    Severity severity();

    /** Where the rule comes from: Anexo 20, the XSD, SAT's validation matrix, or this portal's own policy. */
    String source();

    void check(Cfdi cfdi, ValidationContext context, List<Finding> findings);
}
