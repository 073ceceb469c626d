package com.videoapi.portal.security.signin.control;

import com.videoapi.portal.account.users.boundary.StoredCredential;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.passwords.boundary.OutdatedHashes;
import com.videoapi.portal.security.passwords.boundary.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks an e-mail address and password against the users of account-module.
 *
 * <p>The caller's name is the user's normalised e-mail address; every user is in the group
 * {@link #USER_GROUP}. An unknown address, and a locked password step, cost the same hash check as a
 * wrong password and get the same answer, so neither the time nor the words tell whether an account
 * exists or is locked. A right password whose stored hash has fewer iterations than configured gets
 * a new hash ({@link OutdatedHashes}).
 *
 * <p>Each check is counted against the client's address first ({@link AddressThrottles}), then
 * admitted by the user's lock for that source ({@link Guards#admitPasswordCheck}) before the hash
 * runs: a burst of guesses gets at most the lock's threshold of hashes, and a stranger's guesses
 * from elsewhere never lock the owner out.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    public static final String USER_GROUP = "user";

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    OutdatedHashes outdatedHashes;

    @Inject
    Guards guards;

    @Inject
    SecurityEvents events;

    @Inject
    AddressThrottles throttles;

    @Inject
    RequestOrigin origin;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential given)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String source = origin.source();
        throttles.passwordCheck(source);
        Optional<StoredCredential> stored = users.credentialOf(given.getCaller());
        if (stored.isEmpty()) {
            passwords.spendTimeOfOneCheck();
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, null, null, "unknown address");
            return CredentialValidationResult.INVALID_RESULT;
        }
        UUID userId = stored.get().userId();
        if (!guards.admitPasswordCheck(userId, source)) {
            // Even the right password, and in the same time and words as a wrong one.
            passwords.spendTimeOfOneCheck();
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, userId, null, "refused: password step locked");
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(given.getPasswordAsString(), stored.get().passwordHash())) {
            // Counted already, when it was admitted.
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, userId, null, "wrong password");
            return CredentialValidationResult.INVALID_RESULT;
        }
        guards.passwordRight(userId, source);
        events.fire(Kind.SIGN_IN_PASSWORD_SUCCEEDED, userId);
        outdatedHashes.renew(userId, given.getPasswordAsString(), stored.get().passwordHash());
        // The user id travels as the caller's unique id, so the mechanism needs no second look-up.
        return new CredentialValidationResult(null, stored.get().email(), null, stored.get().userId().toString(),
                Set.of(USER_GROUP));
    }

    /**
     * Jakarta Security's default {@code IdentityStoreHandler} takes groups only from stores that
     * provide them, not from the validation result of a store that only validates: without this
     * every signed-in person would lack the role and get 403.
     */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return Set.of(USER_GROUP);
    }
}
