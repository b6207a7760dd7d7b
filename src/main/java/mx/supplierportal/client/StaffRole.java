package mx.supplierportal.client;

/**
 * The roles of a client's staff. Each role is a Camunda group named {@code {clientCode}-{role}}, member of the
 * client's tenant; BPMN staff tasks use these groups as candidate groups.
 */
public enum StaffRole {
    ADMIN("admin"),
    REVIEWER("reviewer"),
    PAYABLES("payables"),
    TREASURY("treasury");

    private final String suffix;

    StaffRole(String suffix) {
        this.suffix = suffix;
    }

    public String groupOf(String clientCode) {
        return clientCode + "-" + suffix;
    }

    public String suffix() {
        return suffix;
    }
}
