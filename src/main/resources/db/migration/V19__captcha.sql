-- CAPTCHA challenges of password recovery and of account creation (docs/decisions.md, "CAPTCHA"). The answers are
-- stored only as hashes; the image and the audio are kept so they can be fetched by the page (and the audio link)
-- until the challenge expires (5 minutes) or is used.
create table captcha_challenge (
    id           varchar(43)  not null primary key,
    words_hash   varchar(64)  not null,
    digits_hash  varchar(64)  not null,
    language     varchar(5)   not null,
    image        bytea        not null,
    audio        bytea        not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index ix_captcha_challenge_expires on captcha_challenge (expires_at);
