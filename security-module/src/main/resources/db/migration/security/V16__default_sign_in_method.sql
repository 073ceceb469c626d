-- Issue 11, one place for all methods: the method a sign-in opens on, as the person chose it (SMS, APP or
-- PASSKEY); null until they choose, when the earlier rule holds (a passkey first, else the app when preferred,
-- else a text message).
alter table second_factors add column default_method varchar(16);
