-- Exact, constant-cost counters behind the SMS send budgets (SendBudgets), replacing the counts over
-- code_sends: one row per scope and time bucket (10 minutes for hourly limits, 1 hour for daily ones),
-- so a check sums at most 25 rows however many codes went out. Portable SQL: H2 2.x, PostgreSQL 13+.

-- One anchor row per scope (e.g. enrol:number:+447400123456, code:all). An admission locks the anchors
-- of its scopes (select ... for update, in sorted order) before it sums and increments their buckets:
-- concurrent admissions of one scope take turns, and each sees the increments of the one before.
create table send_scopes (
    scope varchar(120) not null primary key
);

create table send_counts (
    scope        varchar(120) not null,
    bucket_start timestamp(6) with time zone not null,
    sends        integer      not null,
    primary key (scope, bucket_start)
);

-- The ceilings every admission locks exist from the start.
insert into send_scopes (scope) values ('enrol:all');
insert into send_scopes (scope) values ('code:all');

-- code_sends now serves only the resend cooldown (last send of a user for a purpose): the indexes of
-- the per-number and global counts go.
drop index code_sends_phone_idx;
drop index code_sends_time_idx;

-- Before a sign-in or confirmation code, the portal voids other users' enrolments in flight to the
-- same number (Verify runs one verification per number at a time): found by number.
create index pending_verifications_phone_idx on pending_verifications (phone_e164);
