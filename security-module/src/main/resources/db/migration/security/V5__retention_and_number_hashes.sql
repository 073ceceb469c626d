-- Data kept no longer than needed (the purge of security.retention) and send counters keyed by a
-- number's keyed hash (HMAC-SHA256 with twofactor.number-key) instead of the number itself.
-- V5, not V4: another change of the same issue adds V4. Portable SQL: H2 2.x, PostgreSQL 13+.

-- Counter scopes that name a number in clear (enrol:number:+44..., enrol:user-number:<id>:+44...,
-- code:user-number:<id>:+44...) cannot be re-keyed here: the key is a server secret that SQL does not
-- see. They go, buckets and anchors: counters live one day at most, so the per-number budgets start
-- afresh once, at this upgrade (at most one more day's codes per number).
delete from send_counts where scope like 'enrol:number:+%' or scope like 'enrol:user-number:%:+%'
    or scope like 'code:user-number:%:+%';
delete from send_scopes where scope like 'enrol:number:+%' or scope like 'enrol:user-number:%:+%'
    or scope like 'code:user-number:%:+%';

-- The send log serves the resend cooldown only (last send of a user for a purpose): the number is no
-- part of it.
alter table code_sends drop column phone_e164;

-- What the purge looks for, by age, in batches.
create index code_sends_time_idx on code_sends (sent_at);
create index pending_verifications_created_idx on pending_verifications (created_at);
create index development_codes_expiry_idx on development_codes (expires_at);
create index trusted_devices_expiry_idx on trusted_devices (expires_at);
create index audit_events_time_idx on audit_events (occurred_at);
create index send_counts_bucket_idx on send_counts (bucket_start);
