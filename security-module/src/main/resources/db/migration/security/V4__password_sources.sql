-- Password failures counted by account and source (a client address, an IPv6 address by its /64),
-- not by account alone: failures from one source slow that source down, never the account's owner
-- signing in from elsewhere (OWASP: account lockout as denial of service). account_guards keeps the
-- code step's counts and the session epoch; its password_* columns are no longer read.
create table password_sources (
    user_id      uuid        not null,
    source       varchar(64) not null,
    -- Checks admitted in a row without a right password, counted before the hash runs.
    failures     integer     not null,
    -- Locks so far: each further lock of this source lasts twice as long.
    locks        integer     not null,
    locked_until timestamp(6) with time zone,
    last_seen_at timestamp(6) with time zone not null,
    primary key (user_id, source)
);
