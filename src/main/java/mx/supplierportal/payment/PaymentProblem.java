package mx.supplierportal.payment;

import java.util.List;

/** What is wrong with a payment or a payment complement: message keys with arguments, or CFDI findings already in words. */
public class PaymentProblem extends RuntimeException {

    /**
     * One message: a key of messages*.properties and its arguments, or (key null) a text already in words — for a
     * finding of the complement's CFDI, with the finding itself (its code, for the API).
     */
    public record Message(String key, Object[] arguments, String text, mx.supplierportal.cfdi.Finding finding) {

        static Message of(String key, Object... arguments) {
            return new Message(key, arguments, null, null);
        }

        static Message of(mx.supplierportal.cfdi.Finding finding, java.util.Locale locale) {
            return new Message(null, new Object[0], finding.message(locale), finding);
        }
    }

    private final transient List<Message> messages;

    PaymentProblem(List<Message> messages) {
        super(messages.isEmpty() ? "payment problem" : String.valueOf(messages.get(0).key()));
        this.messages = List.copyOf(messages);
    }

    PaymentProblem(String key, Object... arguments) {
        this(List.of(Message.of(key, arguments)));
    }

    public List<Message> messages() {
        return messages;
    }
}
