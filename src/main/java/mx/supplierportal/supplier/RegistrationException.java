package mx.supplierportal.supplier;

/** A registration that cannot be made; {@link #field()} and {@link #messageKey()} say why, for the form. */
public class RegistrationException extends RuntimeException {

    private final String field;
    private final String messageKey;

    RegistrationException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
