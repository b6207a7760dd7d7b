package mx.supplierportal.record;

/** Where a supplier's digital record stands with one client. */
public enum RecordStatus {
    DRAFT, UNDER_REVIEW, CHANGES_REQUESTED, APPROVED, UPDATE_REQUIRED
}
