-- Hardening (OWASP ASVS 5.0 level 2): per-user guards, the send log behind the SMS limits, the audit
-- trail, and trusted-device token rotation.

-- One row per user who ever failed a step or changed something sensitive. Counters are updated
-- under a row lock (select ... for update), so concurrent attempts are all counted.
create table account_guards (
    user_id               uuid    not null primary key,
    password_failures     integer not null,
    password_locks        integer not null,
    password_locked_until timestamp(6) with time zone,
    code_failures         integer not null,
    code_locks            integer not null,
    code_locked_until     timestamp(6) with time zone,
    -- Bumped when every other session of the user must end (2FA on/off, new trusted device,
    -- password change); a session signed in under an older epoch is signed out.
    session_epoch         bigint  not null,
    version               bigint  not null
);

-- Every code sent, for the resend cooldown (per user and purpose) and the per-user, per-number and
-- global ceilings.
create table code_sends (
    id         uuid        not null primary key,
    user_id    uuid        not null,
    purpose    varchar(16) not null,
    phone_e164 varchar(16) not null,
    sent_at    timestamp(6) with time zone not null
);
create index code_sends_user_idx on code_sends (user_id, sent_at);
create index code_sends_phone_idx on code_sends (phone_e164, sent_at);
create index code_sends_time_idx on code_sends (sent_at);

create table audit_events (
    id            uuid         not null primary key,
    occurred_at   timestamp(6) with time zone not null,
    user_id       uuid,
    kind          varchar(40)  not null,
    masked_number varchar(32),
    ip            varchar(64),
    user_agent    varchar(255),
    detail        varchar(255)
);
create index audit_events_user_idx on audit_events (user_id, occurred_at);
