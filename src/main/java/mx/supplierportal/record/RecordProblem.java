package mx.supplierportal.record;

import mx.supplierportal.web.ExplainedProblem;

/** Something the supplier or reviewer asked for that cannot be done; a message key and its arguments say why. */
public class RecordProblem extends ExplainedProblem {

    public RecordProblem(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
