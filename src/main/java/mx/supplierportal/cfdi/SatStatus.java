package mx.supplierportal.cfdi;

/**
 * What SAT's CFDI status service answered. When it could not be asked (timeout, error, unexpected answer) the
 * outcome is {@link Outcome#COULD_NOT_VERIFY} with the reason: never "valid" by default.
 */
public record SatStatus(Outcome outcome, Estado estado, String codigoEstatus, String esCancelable,
        String estatusCancelacion, Boolean efos, String reason) {

    public enum Outcome { VERIFIED, COULD_NOT_VERIFY }

    public enum Estado {
        VIGENTE, CANCELADO, NO_ENCONTRADO, OTRO;

        static Estado of(String text) {
            if (text == null) {
                return OTRO;
            }
            return switch (text.strip()) {
                case "Vigente" -> VIGENTE;
                case "Cancelado" -> CANCELADO;
                case "No Encontrado", "No encontrado" -> NO_ENCONTRADO;
                default -> OTRO;
            };
        }
    }

    static SatStatus couldNotVerify(String reason) {
        return new SatStatus(Outcome.COULD_NOT_VERIFY, null, null, null, null, null, reason);
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
