-- The purge (Retention) forgets address links a day after they expired, used or not, in batches chosen
-- by expires_at: this index keeps an idle purge to one index read instead of a scan of the table.
-- V17: the other changes of the same release take the numbers before it. Portable SQL: H2 2.x, PostgreSQL 13+.
create index address_links_expires_idx on address_links (expires_at);
