package com.videoapi.portal.security.signin.control;

import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Throttled;
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
 * admitted by the user's lock for that source ({@link Guards#countPasswordCheck}) before the hash
 * runs: a burst of guesses gets at most the lock's threshold of hashes, and a stranger's guesses
 * from elsewhere never lock the owner out.
 *
 * <p>{@link #check} runs the hash outside any transaction, between the two short ones of
 * {@link PasswordAttempts}: no database connection and no row lock waits on the CPU. Call it with no
 * transaction active (the sign-in's password step is {@code NOT_SUPPORTED}); a caller's transaction
 * would hold its connection through the hash.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    public static final String USER_GROUP = "user";

    @Inject
    Passwords passwords;

    @Inject
    OutdatedHashes outdatedHashes;

    @Inject
    PasswordAttempts attempts;

    @Inject
    SecurityEvents events;

    @Inject
    AddressThrottles throttles;

    @Inject
    RequestOrigin origin;

    /**
     * The password step's check, up to the hash and the renewal of an outdated one; a right
     * password is recorded by {@link PasswordAttempts#right}, in the transaction that goes on with
     * the sign-in. Failures are audited here.
     *
     * @throws Throttled when the address has had its checks, or no hashing slot came free for the check
     */
    public CheckedPassword check(UsernamePasswordCredential given) {
        String source = origin.source();
        throttles.passwordCheck(source);
        Optional<PasswordAttempts.Attempt> attempt = attempts.begin(given.getCaller(), source);
        if (attempt.isEmpty()) {
            passwords.spendTimeOfOneCheck();
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, null, null, "unknown address");
            return CheckedPassword.wrong(null, source);
        }
        UUID userId = attempt.get().userId();
        if (!attempt.get().admitted()) {
            // Even the right password, and in the same time and words as a wrong one.
            passwords.spendTimeOfOneCheck();
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, userId, null, "refused: password step locked");
            return CheckedPassword.wrong(userId, source);
        }
        String storedHash = attempt.get().passwordHash();
        if (!passwords.matches(given.getPasswordAsString(), storedHash)) {
            // Counted already, when it was admitted.
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, userId, null, "wrong password");
            return CheckedPassword.wrong(userId, source);
        }
        return new CheckedPassword(true, userId, attempt.get().email(), source, attempt.get().epoch(), storedHash,
                renewalOf(given.getPasswordAsString(), storedHash));
    }

    /** A new hash when the stored one is outdated; none when the server is too busy for a second hash (next time, then). */
    private String renewalOf(String password, String storedHash) {
        try {
            return outdatedHashes.renewalOf(password, storedHash).orElse(null);
        } catch (Throttled busy) {
            return null;
        }
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential given)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        CheckedPassword checked = check(given);
        if (!checked.right()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        attempts.right(checked);
        // The user id travels as the caller's unique id, so the mechanism needs no second look-up.
        return new CredentialValidationResult(null, checked.callerName(), null, checked.userId().toString(),
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
