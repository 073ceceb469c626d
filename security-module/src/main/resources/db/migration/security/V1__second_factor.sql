-- The second factor: who has it on, verifications under way, trusted devices, development codes.
-- Users are referred to by id only (they belong to account-module): no foreign keys across modules.
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

create table second_factors (
    user_id    uuid not null primary key,
    enabled_at timestamp(6) with time zone not null
);

-- A code sent and not yet confirmed: kept in the database so another node, or this one after a
-- restart, can finish it.
create table pending_verifications (
    id                 uuid         not null primary key,
    user_id            uuid         not null,
    purpose            varchar(16)  not null,
    phone_e164         varchar(16)  not null,
    channel_request_id varchar(64)  not null,
    created_at         timestamp(6) with time zone not null,
    attempts           integer      not null,
    version            bigint       not null
);
create index pending_verifications_user_idx on pending_verifications (user_id, purpose);

create table trusted_devices (
    id           uuid         not null primary key,
    user_id      uuid         not null,
    -- SHA-256 of the cookie's token, hex: the token itself is never stored.
    token_hash   char(64)     not null,
    label        varchar(100) not null,
    created_at   timestamp(6) with time zone not null,
    last_used_at timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone not null,
    revoked_at   timestamp(6) with time zone,
    version      bigint       not null,
    constraint trusted_devices_token_unique unique (token_hash)
);
create index trusted_devices_user_idx on trusted_devices (user_id);

-- The development channel's codes (no SMS is sent): a hash, never the code.
create table development_codes (
    request_id uuid        not null primary key,
    code_hash  char(64)    not null,
    expires_at timestamp(6) with time zone not null,
    attempts   integer     not null,
    version    bigint      not null
);
