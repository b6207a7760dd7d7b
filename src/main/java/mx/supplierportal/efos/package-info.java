/**
 * SAT's 69-B list (art. 69-B CFF, taxpayers with operaciones inexistentes): operators import SAT's CSV on
 * {@code /ops/efos} (every version kept with its cut date); invoices are checked against the newest version, the
 * client's supplier list shows who is listed, and a change of a supplier's situation is told to the client's admins
 * ({@code efos-status-change.bpmn}; a Definitivo supplier also gives them a Tasklist task), after each import and
 * nightly ({@code efos-nightly.bpmn}).
 */
package mx.supplierportal.efos;
