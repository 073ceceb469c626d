-- Issue 11: recovery codes and the authenticator app (TOTP), two more second factors.
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+. Users by id only, as in V1.

-- One row a recovery code; only its SHA-256 (hex) is kept: a code carries 60 random bits, so a fast
-- hash is enough. A code is spent by setting used_at where it is still null (one update wins).
create table recovery_codes (
    id         uuid     not null primary key,
    user_id    uuid     not null,
    code_hash  char(64) not null,
    created_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone,
    constraint recovery_codes_hash_unique unique (user_id, code_hash)
);
create index recovery_codes_user_idx on recovery_codes (user_id);

-- A user's authenticator app. The TOTP secret sealed with AES-GCM under twofactor.authenticator-key
-- (base64url of nonce, ciphertext and tag). confirmed_at is null until the person typed one right code;
-- last_step is the last 30-second step accepted, so no code is accepted twice.
create table authenticators (
    user_id       uuid         not null primary key,
    sealed_secret varchar(200) not null,
    created_at    timestamp(6) with time zone not null,
    confirmed_at  timestamp(6) with time zone,
    last_used_at  timestamp(6) with time zone,
    last_step     bigint       not null,
    preferred     boolean      not null
);
