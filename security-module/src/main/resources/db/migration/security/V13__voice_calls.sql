-- "Call me instead": a code can go by voice call as well as by text message. The send log records how,
-- for the calls' own cooldown (twofactor.call-cooldown); every code sent before this was a text message.
alter table code_sends add column delivery varchar(8) default 'SMS' not null;
