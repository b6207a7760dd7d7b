package mx.supplierportal.efos;

import mx.supplierportal.web.ExplainedProblem;

/** An uploaded file that is not imported, with the message key (and its arguments) that tells the operator why. */
public class EfosImportRefused extends ExplainedProblem {

    EfosImportRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
