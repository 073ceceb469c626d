package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.security.passwords.control.HashingSlots;

import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passwords with the real Jakarta Security hash (Soteria, as WildFly 39 ships it), and the setting
 * changed as an operator changes it on a running server. Counts are small: each check really runs.
 */
class PasswordsTest {

    private static final String PASSWORD = "correct horse battery staple";

    /** The hashes that were checked, in order, and their iteration counts: what each check cost. */
    private final List<String> checkedHashes = new ArrayList<>();
    private final List<Integer> checkedCounts = new ArrayList<>();
    private int configured = 2_000;
    private final Passwords passwords = new Passwords();

    @BeforeEach
    void wire() {
        passwords.iterations = () -> configured;
        passwords.slots = new HashingSlots();
        passwords.pbkdf2 = instanceOf(this::countingHash);
    }

    @Test
    void a_new_hash_has_the_count_configured_at_that_moment() {
        assertEquals(OptionalInt.of(2_000), Passwords.iterationsOf(passwords.hash(PASSWORD)));
        configured = 4_000;
        String later = passwords.hash(PASSWORD);
        assertEquals(OptionalInt.of(4_000), Passwords.iterationsOf(later));
        assertTrue(passwords.matches(PASSWORD, later));
    }

    @Test
    void a_hash_keeps_its_own_count_and_still_matches_after_the_setting_is_raised() {
        String stored = passwords.hash(PASSWORD);
        configured = 6_000;
        assertTrue(passwords.matches(PASSWORD, stored));
        assertFalse(passwords.matches("a different long password", stored));
        assertEquals(List.of(2_000, 2_000), checkedCounts);
    }

    @Test
    void a_hash_with_fewer_iterations_than_configured_is_outdated_and_one_with_as_many_or_more_is_not() {
        String stored = passwords.hash(PASSWORD);
        assertFalse(passwords.isOutdated(stored));
        configured = 2_001;
        assertTrue(passwords.isOutdated(stored));
        configured = 1_500;
        assertFalse(passwords.isOutdated(stored), "never weakened when the setting is lowered");
        assertTrue(passwords.isOutdated("not a hash of ours"));
    }

    @Test
    void a_rehash_has_the_configured_count_and_matches_the_same_password() {
        String stored = passwords.hash(PASSWORD);
        configured = 8_000;
        String renewed = passwords.rehash(PASSWORD);
        assertEquals(OptionalInt.of(8_000), Passwords.iterationsOf(renewed));
        assertTrue(passwords.matches(PASSWORD, renewed));
        assertTrue(passwords.matches(PASSWORD, stored));
    }

    @Test
    void a_rehash_keeps_a_password_that_the_policy_would_refuse_today() {
        // Chosen when it was allowed; the person is signing in with it and must stay able to.
        String renewed = passwords.rehash("password1234");
        assertTrue(passwords.matches("password1234", renewed));
        assertThrows(PasswordProblem.Refused.class, () -> passwords.hash("password1234"));
    }

    @Test
    void the_decoy_for_unknown_accounts_costs_what_a_real_hash_made_now_costs() {
        String real = passwords.hash(PASSWORD);
        passwords.matches(PASSWORD, real);
        passwords.spendTimeOfOneCheck();
        assertEquals(List.of(2_000, 2_000), checkedCounts);

        // Raised at run time: the decoy follows at once, as new hashes (and renewed ones) do.
        configured = 10_000;
        checkedCounts.clear();
        passwords.matches(PASSWORD, passwords.rehash(PASSWORD));
        passwords.spendTimeOfOneCheck();
        passwords.matches(null, real);
        assertEquals(List.of(10_000, 10_000, 10_000), checkedCounts);
    }

    @Test
    void the_decoy_is_one_check_and_never_a_match() {
        passwords.spendTimeOfOneCheck();
        passwords.spendTimeOfOneCheck();
        assertEquals(List.of(2_000, 2_000), checkedCounts, "made without hashing: the first costs no more");
    }

    @Test
    void the_decoy_has_the_algorithm_salt_and_key_sizes_of_a_real_hash() {
        String[] real = passwords.hash(PASSWORD).split(":");
        passwords.spendTimeOfOneCheck();
        String[] decoy = checkedHashes.get(0).split(":");
        assertEquals(real[0], decoy[0]);
        assertEquals(real[1], decoy[1]);
        assertEquals(real[2].length(), decoy[2].length());
        assertEquals(real[3].length(), decoy[3].length());
    }

    private Pbkdf2PasswordHash countingHash() {
        return new Pbkdf2PasswordHashImpl() {
            @Override
            public boolean verify(char[] password, String hash) {
                checkedHashes.add(hash);
                checkedCounts.add(Passwords.iterationsOf(hash).orElse(-1));
                return super.verify(password, hash);
            }
        };
    }

    /** The one method of CDI's Instance that Passwords uses: get(), a new dependent instance each time. */
    @SuppressWarnings("unchecked")
    private static Instance<Pbkdf2PasswordHash> instanceOf(java.util.function.Supplier<Pbkdf2PasswordHash> made) {
        return (Instance<Pbkdf2PasswordHash>) Proxy.newProxyInstance(PasswordsTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("get") && method.getParameterCount() == 0) {
                        return made.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
