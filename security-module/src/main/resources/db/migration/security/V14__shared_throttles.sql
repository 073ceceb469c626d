-- The per-address throttles (password checks, sign-ups, "Forgot password?" requests, reset mails per
-- e-mail address) and the cooldowns that refuse someone (the "someone tried to sign up with your
-- address" notice) hold across the nodes of a cluster: counted here instead of each node's memory.
-- One row per scope and time bucket (a sixtieth of the window: 1 s for a minute, 1 min for an hour),
-- so a check sums at most 61 rows by primary key however many requests came. Portable SQL: H2 2.x,
-- PostgreSQL 13+.

-- One anchor row per scope (password-checks:203.0.113.7, cooldown:address-taken:<user id>): a check
-- locks it (select ... for update) before it sums and counts the scope's buckets, so checks of one
-- scope take turns on every node, and two racing for the last slot get one between them.
create table throttle_scopes (
    scope varchar(160) not null primary key
);

create table throttle_counts (
    scope        varchar(160) not null,
    bucket_start timestamp(6) with time zone not null,
    hits         integer      not null,
    primary key (scope, bucket_start)
);

-- The purge (Retention) finds the idle scopes by their newest bucket.
create index throttle_counts_bucket_idx on throttle_counts (bucket_start);
