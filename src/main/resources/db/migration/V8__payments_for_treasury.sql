-- Treasury's list of its client's payments, newest first, keyset-paged by (paid_on, id); the second index serves
-- the same list filtered by the payment complement's status (say, the overdue ones).
create index ix_payment_client on payment (client_id, paid_on, id);
create index ix_payment_client_rep on payment (client_id, rep_status, paid_on, id);
