package mx.supplierportal.cfdi;

/** A file that could not be read as a CFDI 4.0 at all; {@link #finding()} says why, in words for people. */
public final class CfdiReadException extends Exception {

    private final transient Finding finding;

    CfdiReadException(Finding finding) {
        super(finding.code() + " " + finding.message(java.util.Locale.ENGLISH));
        this.finding = finding;
    }

    public Finding finding() {
        return finding;
    }
}
