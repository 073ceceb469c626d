package com.videoapi.portal.security.signin.control;

import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Throttled;
import com.videoapi.portal.security.passwords.boundary.OutdatedHashes;
import com.videoapi.portal.security.passwords.boundary.Passwords;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The password step's check between its two transactions: what the first read decides which hash
 * runs (the stored one, or the decoy for a locked step and an unknown address), and a renewal the
 * busy server cannot hash now waits for the next sign-in instead of failing this one.
 */
class AccountIdentityStoreTest {

    private static final UUID USER = UUID.fromString("6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b");
    private static final String STORED = "PBKDF2WithHmacSHA256:10000:c2FsdA==:a2V5";
    private static final String SOURCE = "192.0.2.7";

    private final List<String> hashed = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private Optional<PasswordAttempts.Attempt> firstTransaction;
    private boolean renewalBusy;

    private AccountIdentityStore store() {
        AccountIdentityStore store = new AccountIdentityStore();
        store.origin = new RequestOrigin() {
            @Override
            public String source() {
                return SOURCE;
            }
        };
        store.throttles = new AddressThrottles() {
            @Override
            public void passwordCheck(String source) {
                // not limited here
            }
        };
        store.attempts = new PasswordAttempts() {
            @Override
            public Optional<Attempt> begin(String email, String source) {
                return firstTransaction;
            }
        };
        store.passwords = new Passwords() {
            @Override
            public boolean matches(String password, String storedHash) {
                hashed.add("check against " + storedHash);
                return password.equals("the right password");
            }

            @Override
            public void spendTimeOfOneCheck() {
                hashed.add("decoy");
            }
        };
        store.outdatedHashes = new OutdatedHashes() {
            @Override
            public Optional<String> renewalOf(String password, String storedHash) {
                if (renewalBusy) {
                    throw new Throttled(Throttled.Reason.SERVER_BUSY, Duration.ofSeconds(5));
                }
                hashed.add("renewal");
                return Optional.of("renewed");
            }
        };
        store.events = new SecurityEvents() {
            @Override
            public void fire(Kind kind, UUID userId, String maskedNumber, String detail) {
                audited.add(kind + ": " + detail);
            }
        };
        return store;
    }

    private CheckedPassword check(String password) {
        return store().check(new UsernamePasswordCredential("ada@example.com", password));
    }

    @Test
    void a_locked_step_costs_the_decoy_and_never_checks_the_stored_hash() {
        firstTransaction = Optional.of(new PasswordAttempts.Attempt(USER, null, 0L, null));

        CheckedPassword checked = check("the right password");

        assertFalse(checked.right());
        assertEquals(List.of("decoy"), hashed);
        assertEquals(List.of("SIGN_IN_PASSWORD_FAILED: refused: password step locked"), audited);
    }

    @Test
    void an_unknown_address_costs_the_decoy() {
        firstTransaction = Optional.empty();

        assertFalse(check("anything at all").right());
        assertEquals(List.of("decoy"), hashed);
        assertEquals(List.of("SIGN_IN_PASSWORD_FAILED: unknown address"), audited);
    }

    @Test
    void a_right_password_carries_the_epoch_read_first_and_its_renewal() {
        firstTransaction = Optional.of(new PasswordAttempts.Attempt(USER, "ada@example.com", 7L, STORED));

        CheckedPassword checked = check("the right password");

        assertTrue(checked.right());
        assertEquals(7L, checked.epoch());
        assertEquals(STORED, checked.storedHash());
        assertEquals(Optional.of("renewed"), checked.renewal());
        assertEquals(List.of("check against " + STORED, "renewal"), hashed);
        assertEquals(List.of(), audited, "a right password is audited by the second transaction");
        assertFalse(checked.toString().contains(STORED), "the hash stays out of logs: " + checked);
    }

    @Test
    void a_renewal_the_busy_server_cannot_hash_now_leaves_the_sign_in_right() {
        firstTransaction = Optional.of(new PasswordAttempts.Attempt(USER, "ada@example.com", 0L, STORED));
        renewalBusy = true;

        CheckedPassword checked = check("the right password");

        assertTrue(checked.right());
        assertNull(checked.renewedHash());
    }

    @Test
    void a_wrong_password_is_audited_once_and_needs_no_second_transaction() {
        firstTransaction = Optional.of(new PasswordAttempts.Attempt(USER, "ada@example.com", 0L, STORED));

        assertFalse(check("a wrong guess").right());
        assertEquals(List.of("SIGN_IN_PASSWORD_FAILED: wrong password"), audited);
    }
}
