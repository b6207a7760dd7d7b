package mx.supplierportal.cfdi;

/**
 * A PAC's stamping service (proveedor autorizado de certificación), as the portal uses it: a sealed CFDI goes in, the
 * same CFDI with its TimbreFiscalDigital comes out. {@code requestId} identifies the request: asking again with it
 * (a retry after a lost answer) returns the first stamp, never a second one. Implementations: {@link TestPac} (built
 * in, for the demo and the tests) and, in the stamping issue, a real PAC's protocol.
 */
public interface Stamper {

    /** SAT's window: a CFDI is stamped within 72 hours of its Fecha, or not at all. */
    java.time.Duration STAMPING_WINDOW = java.time.Duration.ofHours(72);

    /** The stamped CFDI and what identifies its stamp. */
    record Stamped(byte[] xml, String uuid, String fechaTimbrado) {
    }

    /** A definite refusal: asking again with the same CFDI gets the same answer. {@code code} is the PAC's own. */
    final class Refused extends Exception {

        private final String code;

        public Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The PAC could not be reached or failed for now: the request may be retried with the same {@code requestId}. */
    final class Unavailable extends Exception {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Stamped stamp(byte[] sealedCfdi, String requestId) throws Refused, Unavailable;
}
