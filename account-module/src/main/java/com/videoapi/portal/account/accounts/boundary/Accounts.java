package com.videoapi.portal.account.accounts.boundary;

import com.videoapi.portal.account.accounts.entity.Account;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The customer accounts of the platform: opening one, and its name. Users refer to theirs by id. */
@Stateless
public class Accounts {

    @PersistenceContext(unitName = "accounts")
    EntityManager em;

    @Inject
    Clock clock;

    /** Opens an account; its id, once the caller's transaction commits. */
    public UUID open(AccountName name) {
        Account account = new Account(name, clock.instant());
        em.persist(account);
        return account.getId();
    }

    public Optional<String> nameOf(UUID accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId)).map(Account::getName);
    }
}
