-- Passkeys and security keys (WebAuthn), a second factor beside the code by text message.
-- Public keys only: a copy of this table signs nobody in. The credential id is looked up by its
-- SHA-256 (hex), which also keeps one credential to one row across all users.
create table passkeys (
    id                 uuid          not null primary key,
    user_id            uuid          not null,
    name               varchar(64)   not null,
    credential_id_hash char(64)      not null,
    -- base64url: the credential id, and the attested credential data (AAGUID, id, COSE public key)
    credential_id      varchar(1400) not null,
    credential_data    varchar(4000) not null,
    sign_count         bigint        not null,
    added_at           timestamp(6) with time zone not null,
    last_used_at       timestamp(6) with time zone,
    version            bigint        not null,
    constraint passkeys_credential_unique unique (credential_id_hash)
);
create index passkeys_user_idx on passkeys (user_id);
