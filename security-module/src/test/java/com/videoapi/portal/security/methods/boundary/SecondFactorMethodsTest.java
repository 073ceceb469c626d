package com.videoapi.portal.security.methods.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.authenticator.boundary.AuthenticatorView;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.methods.boundary.SecondFactorMethods.Removal;
import com.videoapi.portal.security.passkeys.boundary.PasskeyView;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which method a sign-in opens on, and when a removal is switching 2FA off: the rules of
 * {@link SecondFactorMethods} over a user whose methods the test sets.
 */
class SecondFactorMethodsTest {

    private static final UUID USER = UUID.fromString("6a1f9c0e-2b3d-4c5e-8f70-91a2b3c4d5e6");
    private static final UUID KEY = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");

    private boolean on = true;
    private Optional<PhoneNumber> number = Optional.of(PhoneNumber.ofE164("+447400123456"));
    private boolean app;
    private boolean appPreferred;
    private final List<PasskeyView> passkeys = new ArrayList<>();
    private SignInMethod chosen;
    private final List<String> done = new ArrayList<>();

    private SecondFactorMethods methods() {
        SecondFactorMethods methods = new SecondFactorMethods();
        methods.guards = new Guards() {
            @Override
            public void exclusive(UUID userId) {
            }
        };
        methods.twoFactor = new TwoFactor() {
            @Override
            public boolean isEnabled(UUID userId) {
                return on;
            }

            @Override
            public Optional<PhoneNumber> numberOf(UUID userId) {
                return on ? number : Optional.empty();
            }

            @Override
            public Optional<SignInMethod> chosenMethod(UUID userId) {
                return Optional.ofNullable(chosen);
            }

            @Override
            public boolean removeNumber(UUID userId) {
                done.add("number removed");
                number = Optional.empty();
                return true;
            }

            @Override
            public void switchOff(UUID userId, String how) {
                done.add("2FA off: " + how);
                on = false;
            }
        };
        methods.authenticators = new Authenticators() {
            @Override
            public Optional<AuthenticatorView> of(UUID userId) {
                return app ? Optional.of(new AuthenticatorView(Instant.EPOCH, null, appPreferred)) : Optional.empty();
            }

            @Override
            public boolean opensSignIn(UUID userId) {
                return app && appPreferred;
            }

            @Override
            public boolean remove(UUID userId, String why) {
                done.add("app removed");
                app = false;
                return true;
            }
        };
        methods.passkeys = new Passkeys() {
            @Override
            public boolean any(UUID userId) {
                return !passkeys.isEmpty();
            }

            @Override
            public List<PasskeyView> of(UUID userId) {
                return List.copyOf(passkeys);
            }

            @Override
            public boolean remove(UUID userId, UUID passkeyId) {
                done.add("passkey removed");
                return passkeys.removeIf(p -> p.id().equals(passkeyId));
            }
        };
        return methods;
    }

    @Test
    void the_default_is_the_one_chosen_while_the_person_has_it_else_passkey_app_preferred_then_text() {
        assertEquals(Optional.of(SignInMethod.SMS), methods().defaultOf(USER));
        app = true;
        assertEquals(Optional.of(SignInMethod.SMS), methods().defaultOf(USER), "the app only when preferred");
        appPreferred = true;
        assertEquals(Optional.of(SignInMethod.APP), methods().defaultOf(USER));
        passkeys.add(new PasskeyView(KEY, "Key", Instant.EPOCH, null));
        assertEquals(Optional.of(SignInMethod.PASSKEY), methods().defaultOf(USER), "a passkey first");
        chosen = SignInMethod.SMS;
        assertEquals(Optional.of(SignInMethod.SMS), methods().defaultOf(USER), "the person's choice wins");
        number = Optional.empty();
        assertEquals(Optional.of(SignInMethod.PASSKEY), methods().defaultOf(USER), "a chosen method that went is passed over");
        on = false;
        assertEquals(Optional.empty(), methods().defaultOf(USER));
    }

    @Test
    void without_a_number_the_app_opens_sign_in_even_when_not_preferred() {
        number = Optional.empty();
        app = true;
        assertEquals(Optional.of(SignInMethod.APP), methods().defaultOf(USER));
    }

    @Test
    void the_number_goes_while_the_app_stays_and_2fa_stays_on() {
        app = true;
        assertEquals(Removal.REMOVED, methods().removeNumber(USER));
        assertEquals(List.of("number removed"), done);
        assertTrue(on);
    }

    @Test
    void removing_the_last_second_factor_switches_2fa_off_and_nothing_else_is_removed_first() {
        assertEquals(Removal.TWO_FACTOR_OFF, methods().removeNumber(USER));
        assertEquals(1, done.size(), done.toString());
        assertTrue(done.get(0).startsWith("2FA off: the phone number"), done.toString());
    }

    @Test
    void the_last_passkey_with_nothing_else_left_is_the_last_factor_but_one_of_two_is_not() {
        number = Optional.empty();
        passkeys.add(new PasskeyView(KEY, "Key", Instant.EPOCH, null));
        UUID other = UUID.randomUUID();
        passkeys.add(new PasskeyView(other, "Other", Instant.EPOCH, null));
        assertEquals(Removal.REMOVED, methods().removePasskey(USER, other));
        assertEquals(Removal.TWO_FACTOR_OFF, methods().removePasskey(USER, KEY));
        assertEquals(List.of("passkey removed", "2FA off: the last passkey, the last second factor, removed"), done);
    }

    @Test
    void another_users_passkey_is_not_removed() {
        passkeys.add(new PasskeyView(KEY, "Key", Instant.EPOCH, null));
        assertEquals(Removal.NONE, methods().removePasskey(USER, UUID.randomUUID()));
        assertEquals(List.of(), done);
    }

    @Test
    void the_app_alone_is_the_last_factor() {
        number = Optional.empty();
        app = true;
        assertEquals(Removal.TWO_FACTOR_OFF, methods().removeApp(USER));
        assertTrue(on == false && done.size() == 1, done.toString());
    }
}
