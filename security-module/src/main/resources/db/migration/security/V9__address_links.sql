-- The links mailed to prove an e-mail address: the one sent at sign-up (and by "Send the link again")
-- and the one sent to a new address before it replaces the old. Only the SHA-256 of a link's token is
-- stored, so a copy of this table proves nobody's address. A link is spent by an update that only the
-- first of two racing requests wins (used_at is null); a newer link of the same kind voids the older
-- (voided_at). V9: other changes of the same release take V7 and V8. Portable SQL: H2 2.x, PostgreSQL 13+.
create table address_links (
    token_hash  char(64)     not null primary key,
    user_id     uuid         not null,
    purpose     varchar(16)  not null,
    address     varchar(254) not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    used_at     timestamp(6) with time zone,
    voided_at   timestamp(6) with time zone
);

create index address_links_user_idx on address_links (user_id, purpose, created_at);
create index address_links_created_idx on address_links (created_at);
