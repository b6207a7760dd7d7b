-- A rejected invoice can be corrected and sent again (a new attempt of the same invoice, its history kept), unless
-- the rejection says the CFDI itself must be cancelled and issued again (docs/decisions.md, "Invoice reception").
alter table invoice add column attempt int default 1 not null;
alter table invoice add column reissue_required boolean default false not null;
