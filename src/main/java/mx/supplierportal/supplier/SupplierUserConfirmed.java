package mx.supplierportal.supplier;

/**
 * A pending self-registered account proved its mailbox another way than its own code (a client's activation link
 * sent to the same email). Published inside the confirming transaction.
 */
public record SupplierUserConfirmed(long userId) {
}
