-- Client admins edit and remove the documents they require with each invoice. A removed requirement stays (its
-- attachments of earlier invoices keep pointing at it) but no longer appears on new invoices nor blocks sending.
alter table invoice_requirement add column removed_at timestamp with time zone;
