package mx.supplierportal.signup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What is wrong with one field of a form: the field's name and the message key that says it. */
record FieldProblem(String field, String key) {

    /** The problems by field, in the order found, for a page that marks each field. */
    static Map<String, List<String>> byField(List<FieldProblem> problems) {
        return problems.stream().collect(Collectors.groupingBy(FieldProblem::field, LinkedHashMap::new,
                Collectors.mapping(FieldProblem::key, Collectors.toList())));
    }
}
