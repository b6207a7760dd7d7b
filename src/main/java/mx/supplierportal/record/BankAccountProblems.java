package mx.supplierportal.record;

import java.util.Map;

/** A bank account that was not saved: the message key for each field that is wrong. */
public class BankAccountProblems extends RuntimeException {

    private final transient Map<String, String> problems;

    BankAccountProblems(Map<String, String> problems) {
        super(problems.toString());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
