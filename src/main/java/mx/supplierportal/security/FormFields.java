package mx.supplierportal.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The fields of a Camunda Form (form-js JSON): each key, and whether the person may edit it. */
final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormFields() {
    }

    /** key → editable; read-only and disabled fields map to false, texts and other keyless parts are left out. */
    static Map<String, Boolean> of(byte[] form) throws IOException {
        Map<String, Boolean> fields = new HashMap<>();
        collect(JSON.readTree(form), fields);
        return fields;
    }

    private static void collect(JsonNode node, Map<String, Boolean> fields) {
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            JsonNode key = component.get("key");
            if (key != null && key.isTextual()) {
                boolean editable = !component.path("readonly").asBoolean(false)
                        && !component.path("disabled").asBoolean(false);
                fields.merge(key.asText(), editable, Boolean::logicalOr);
            }
            collect(component, fields);
        }
    }
}
