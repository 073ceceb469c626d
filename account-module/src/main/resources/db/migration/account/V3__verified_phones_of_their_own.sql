-- The phones capability keeps the number each user proved to own in a table of its own, rather
-- than in a column of users, which belongs to the users capability. Portable SQL: H2 2.x, PostgreSQL 13+.
create table verified_phones (
    user_id      uuid        not null primary key references users (id),
    e164         varchar(16) not null,
    verified_at  timestamp(6) with time zone not null
);

-- The numbers recorded so far, with the last change of their user as the best known time.
insert into verified_phones (user_id, e164, verified_at)
    select id, verified_phone, updated_at from users where verified_phone is not null;

alter table users drop column verified_phone;
