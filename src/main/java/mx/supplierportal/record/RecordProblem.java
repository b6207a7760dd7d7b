package mx.supplierportal.record;

import java.util.List;

/** Something the supplier or reviewer asked for that cannot be done; a message key and its arguments say why. */
public class RecordProblem extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    public RecordProblem(String messageKey, Object... arguments) {
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
