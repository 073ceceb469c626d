package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.security.passwords.control.HashingSlots;

import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renewing a stored hash at sign-in: only an outdated one, only that very one, and on record. */
class OutdatedHashesTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final UUID USER = UUID.randomUUID();

    private int configured = 2_000;
    /** The user's stored hash, as the fake Users keeps it. */
    private String stored;
    private final List<String> events = new ArrayList<>();
    private final OutdatedHashes outdatedHashes = new OutdatedHashes();

    @BeforeEach
    void wire() {
        Passwords passwords = new Passwords();
        passwords.iterations = () -> configured;
        passwords.slots = new HashingSlots();
        passwords.pbkdf2 = hashes();
        outdatedHashes.passwords = passwords;
        outdatedHashes.users = new Users() {
            @Override
            public boolean replacePasswordHash(UUID userId, String replaced, String replacement) {
                if (!userId.equals(USER) || !stored.equals(replaced)) {
                    return false;
                }
                stored = replacement;
                return true;
            }
        };
        outdatedHashes.events = new SecurityEvents() {
            @Override
            public void fire(Kind kind, UUID userId, String maskedNumber, String detail) {
                events.add(kind + " " + detail);
            }
        };
        stored = passwords.hash(PASSWORD);
    }

    @Test
    void a_hash_with_fewer_iterations_than_configured_is_renewed_and_still_matches() {
        configured = 4_000;
        String before = stored;
        assertTrue(outdatedHashes.renew(USER, PASSWORD, before));
        assertEquals(OptionalInt.of(4_000), Passwords.iterationsOf(stored));
        assertTrue(outdatedHashes.passwords.matches(PASSWORD, stored));
        assertEquals(List.of("PASSWORD_REHASHED PBKDF2 iterations 2000 -> 4000"), events);
    }

    @Test
    void a_current_hash_is_left_alone() {
        String before = stored;
        assertFalse(outdatedHashes.renew(USER, PASSWORD, before));
        assertEquals(before, stored);
        assertEquals(List.of(), events);
    }

    @Test
    void a_password_changed_meanwhile_is_not_overwritten_with_a_hash_of_the_old_one() {
        String readAtSignIn = stored;
        stored = outdatedHashes.passwords.hash("the new password chosen meanwhile");
        String changed = stored;
        configured = 4_000;
        assertFalse(outdatedHashes.renew(USER, PASSWORD, readAtSignIn));
        assertEquals(changed, stored);
        assertEquals(List.of(), events);
    }

    private static Instance<Pbkdf2PasswordHash> hashes() {
        @SuppressWarnings("unchecked")
        Instance<Pbkdf2PasswordHash> instance = (Instance<Pbkdf2PasswordHash>) Proxy.newProxyInstance(
                OutdatedHashesTest.class.getClassLoader(), new Class<?>[] {Instance.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("get") && method.getParameterCount() == 0) {
                        return new Pbkdf2PasswordHashImpl();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return instance;
    }
}
