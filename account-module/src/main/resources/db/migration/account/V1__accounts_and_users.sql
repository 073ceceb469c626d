-- Accounts and the people who sign in to them. Portable SQL: runs on H2 2.x and PostgreSQL 13+.
create table accounts (
    id          uuid         not null primary key,
    name        varchar(100) not null,
    created_at  timestamp(6) with time zone not null,
    version     bigint       not null
);

create table users (
    id            uuid         not null primary key,
    account_id    uuid         not null references accounts (id),
    email         varchar(254) not null,
    display_name  varchar(100) not null,
    password_hash varchar(255) not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    version       bigint       not null,
    -- E-mail addresses are stored normalised (lower case, NFC), so plain uniqueness is enough.
    constraint users_email_unique unique (email)
);

create index users_account_idx on users (account_id);
