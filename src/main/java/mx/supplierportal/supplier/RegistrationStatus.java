package mx.supplierportal.supplier;

/** Where a client's registration of a supplier stands. */
public enum RegistrationStatus {
    /** Activation email sent; the supplier has not activated yet. */
    INVITED,
    /** The supplier activated its account. */
    ACTIVE,
    /** The activation link expired unused; a client admin may resend it. */
    ACTIVATION_EXPIRED,
    /** A client admin withdrew the invitation after it expired. */
    WITHDRAWN
}
