package mx.supplierportal.efos;

import java.util.List;

/** An uploaded file that is not imported, with the message key (and its arguments) that tells the operator why. */
public class EfosImportRefused extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    EfosImportRefused(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
