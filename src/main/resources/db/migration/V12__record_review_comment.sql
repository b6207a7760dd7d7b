-- The reviewers' overall comment of the last review, shown to the supplier on the record page and the dashboard
-- (until now it reached the supplier only by email).
alter table supplier_record add column review_comment varchar(4000);
alter table supplier_record add column reviewed_at timestamp with time zone;
