package mx.supplierportal.invoice;

import java.util.List;
import mx.supplierportal.cfdi.Finding;

/** An upload or action refused: a message key, or the CFDI's findings. */
public class InvoiceProblem extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final transient List<Finding> findings;

    InvoiceProblem(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.findings = List.of();
    }

    InvoiceProblem(List<Finding> findings) {
        super("invoice.invalid");
        this.messageKey = "invoice.invalid";
        this.arguments = new Object[0];
        this.findings = List.copyOf(findings);
    }

    public String messageKey() { return messageKey; }
    public Object[] arguments() { return arguments; }
    public List<Finding> findings() { return findings; }
}
