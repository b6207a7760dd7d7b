package mx.supplierportal.client;

/** Published inside the transaction that creates a client, so other features can set up their part. */
public record ClientCreated(long clientId, String code) {
}
