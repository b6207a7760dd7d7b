package mx.supplierportal.cfdi;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * What the caller knows and expects, all optional: the supplier's RFC, the client as receptor, UUIDs already
 * received, the allowed issue-date window, whether a stamp (TimbreFiscalDigital) is required, and SAT's 69-B list.
 */
public record ValidationContext(
        String expectedEmisorRfc,
        ExpectedReceptor expectedReceptor,
        Set<String> receivedUuids,
        LocalDateTime notBefore,
        LocalDateTime notAfter,
        boolean requireStamp,
        EfosList efos) {

    public record ExpectedReceptor(String rfc, String nombre, String domicilioFiscal, String regimenFiscal) {
    }

    public static final ValidationContext NONE = new ValidationContext(null, null, Set.of(), null, null, false, null);

    public ValidationContext {
        receivedUuids = receivedUuids == null ? Set.of() : Set.copyOf(receivedUuids);
    }

    public ValidationContext withRequireStamp(boolean required) {
        return new ValidationContext(expectedEmisorRfc, expectedReceptor, receivedUuids, notBefore, notAfter, required,
                efos);
    }

    public ValidationContext withExpectedEmisor(String rfc) {
        return new ValidationContext(rfc, expectedReceptor, receivedUuids, notBefore, notAfter, requireStamp, efos);
    }

    public ValidationContext withExpectedReceptor(ExpectedReceptor receptor) {
        return new ValidationContext(expectedEmisorRfc, receptor, receivedUuids, notBefore, notAfter, requireStamp, efos);
    }

    public ValidationContext withReceivedUuids(Set<String> uuids) {
        return new ValidationContext(expectedEmisorRfc, expectedReceptor, uuids, notBefore, notAfter, requireStamp, efos);
    }

    /** SAT's 69-B list (or the part of it about the issuer) to check the Emisor against; null = not checked. */
    public ValidationContext withEfos(EfosList list) {
        return new ValidationContext(expectedEmisorRfc, expectedReceptor, receivedUuids, notBefore, notAfter, requireStamp,
                list);
    }

    public ValidationContext withDateWindow(LocalDateTime from, LocalDateTime to) {
        return new ValidationContext(expectedEmisorRfc, expectedReceptor, receivedUuids, from, to, requireStamp, efos);
    }
}
