-- Forgot password, security notices and "This wasn't me" (issue 10). Tokens are stored as SHA-256 hex
-- only; single use is one conditional update of used_at. Users by id only (no foreign keys across
-- modules). Portable SQL: H2 2.x, PostgreSQL 13+.

-- A link that lets its holder choose a new password (after the second factor, when 2FA is on).
create table password_reset_links (
    id          uuid         not null primary key,
    user_id     uuid         not null,
    token_hash  char(64)     not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    -- set once, by the one request that spends the link
    used_at     timestamp(6) with time zone,
    -- set when a newer link of the same user was sent
    voided_at   timestamp(6) with time zone,
    -- SHA-256 of the proof handed to the browser that gave the second factor for this link
    proof_hash  char(64),
    version     bigint       not null,
    constraint password_reset_links_token_unique unique (token_hash)
);
create index password_reset_links_user_idx on password_reset_links (user_id);
create index password_reset_links_expiry_idx on password_reset_links (expires_at);

-- Users who must choose a new password by e-mail before they sign in again ("This wasn't me").
create table password_reset_demands (
    user_id     uuid         not null primary key,
    demanded_at timestamp(6) with time zone not null
);

-- The "This wasn't me" link of one security notice.
create table account_securing_links (
    id            uuid         not null primary key,
    user_id       uuid         not null,
    token_hash    char(64)     not null,
    -- what the notice reported (a SecurityEvent.Kind) and when it happened
    reported_kind varchar(32)  not null,
    reported_at   timestamp(6) with time zone not null,
    -- the number verified before the reported change, when it weakened 2FA: what securing restores.
    -- Cleared when the link is used; the row goes with the purge once it expired.
    restore_e164  varchar(16),
    created_at    timestamp(6) with time zone not null,
    expires_at    timestamp(6) with time zone not null,
    used_at       timestamp(6) with time zone,
    version       bigint       not null,
    constraint account_securing_links_token_unique unique (token_hash)
);
create index account_securing_links_user_idx on account_securing_links (user_id);
create index account_securing_links_expiry_idx on account_securing_links (expires_at);

-- The number a change of 2FA (switched off, another number) replaced, until its notice takes it.
create table former_numbers (
    user_id     uuid         not null primary key,
    e164        varchar(16)  not null,
    replaced_at timestamp(6) with time zone not null
);
