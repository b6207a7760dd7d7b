package mx.supplierportal.document;

import java.util.List;

/** An upload that was not stored; {@link #messageKey()} and {@link #arguments()} say why, for the page. */
public class DocumentRejectedException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    DocumentRejectedException(String messageKey, Object... arguments) {
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
