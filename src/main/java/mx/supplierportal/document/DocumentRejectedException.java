package mx.supplierportal.document;

import mx.supplierportal.web.ExplainedProblem;

/** An upload that was not stored; {@link #messageKey()} and {@link #arguments()} say why, for the page. */
public class DocumentRejectedException extends ExplainedProblem {

    DocumentRejectedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
