-- The invoice's PDF was read and its text does not show the CFDI's UUID (a warning; it does not block sending).
alter table invoice add column pdf_without_uuid boolean not null default false;
