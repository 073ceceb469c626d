-- When the user proved to own the e-mail address they sign in with; null until then. Nothing sets it
-- yet: the e-mail capability (issue 10) will. Until it is set, an account may send enrolment codes
-- to fewer numbers a day (security-module's SendBudgets). Portable SQL: H2 2.x, PostgreSQL 13+.
alter table users add column email_verified_at timestamp(6) with time zone;
