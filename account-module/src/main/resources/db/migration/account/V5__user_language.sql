-- The language a person signed up in (a BCP 47 tag from the browser's Accept-Language, e.g. de or en-GB),
-- so that the mails the portal sends them are in it; null for people who signed up before. Portable SQL.
alter table users add column language varchar(35);
