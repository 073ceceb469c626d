-- The mobile number a user proved to own by typing a code sent to it (E.164, at most 15 digits).
alter table users add column verified_phone varchar(16);
