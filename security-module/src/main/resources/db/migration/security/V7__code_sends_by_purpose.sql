-- The resend cooldown asks for the last send of a user for one purpose (CodeSend.LAST_OF_USER_FOR:
-- max(sent_at) where user_id and purpose). With purpose in the index that is one index seek; on
-- (user_id, sent_at) it read every send of the user and filtered by purpose (issue 12: 6 % of the
-- server's CPU under a sign-in load). Portable SQL: H2 2.x, PostgreSQL 13+.
create index code_sends_user_purpose_idx on code_sends (user_id, purpose, sent_at);
drop index code_sends_user_idx;
