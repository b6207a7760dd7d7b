package mx.supplierportal.cfdi;

/** How bad a finding is: an ERROR makes the CFDI invalid; a WARNING is for a person to look at. */
public enum Severity {
    ERROR,
    WARNING
}
