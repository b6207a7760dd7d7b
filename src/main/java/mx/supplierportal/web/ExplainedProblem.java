package mx.supplierportal.web;

import java.util.List;

/**
 * Something a person asked for that cannot be done, and nothing was changed: a message key and its arguments say why,
 * for the page to write in the reader's language. Each feature names its own kind (a refused upload, a record
 * problem, a refused 69-B list).
 */
public abstract class ExplainedProblem extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    protected ExplainedProblem(String messageKey, Object... arguments) {
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
