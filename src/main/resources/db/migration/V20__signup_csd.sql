-- The CSD a self-registered business seals its CFDIs with (docs/decisions.md, "Self-registration"): the certificate,
-- and the private key encrypted with the installation's key (AES-256-GCM); the password is not kept.
create table signup_csd (
    account_id          bigint       not null primary key references signup_account (id),
    certificate         bytea        not null,
    serial              varchar(40)  not null,
    valid_from          timestamp with time zone not null,
    valid_to            timestamp with time zone not null,
    encrypted_key       bytea        not null,
    process_instance_id varchar(64),
    saved_at            timestamp with time zone not null,
    version             bigint       not null default 0
);
