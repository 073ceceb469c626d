package com.videoapi.portal.security.authenticator.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.authenticator.control.Base32;
import com.videoapi.portal.security.authenticator.control.SecretSeal;
import com.videoapi.portal.security.authenticator.control.Totp;
import com.videoapi.portal.security.authenticator.entity.Authenticator;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Step;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s; {@link Totp}) as a second factor.
 *
 * <ul>
 *   <li>Adding: {@link #begin} makes a 160-bit secret (RFC 4226's recommended length), sealed in the
 *       database ({@link SecretSeal}) and shown to the person once, as text and QR code; one right
 *       code from the app ({@link #confirm}) makes it count.</li>
 *   <li>Signing in ({@link #accepts}): a code of the step now or one either side, never a step
 *       accepted before (the last accepted step moves forward in one conditional update, under the
 *       user's guard row: of two requests with one code, one wins).</li>
 * </ul>
 * Every wrong code, adding or signing in, counts towards the code step's lock ({@link Guards},
 * {@link Step#CODE}), the same as a wrong SMS or recovery code; while it is locked even the right code
 * is refused.
 */
@Stateless
public class Authenticators {

    static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    SecretSeal seal;

    @Inject
    Guards guards;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "vonage.brand")
    String issuer;

    /** Whether apps can be added and used on this server ({@code twofactor.authenticator-key} is set). */
    public boolean isAvailable() {
        return seal.isAvailable();
    }

    /**
     * Starts adding an app, replacing one not confirmed yet; empty when the server cannot seal secrets
     * or the user has a confirmed app already (remove it first).
     *
     * @param accountName what the app lists the account as (the e-mail address)
     */
    public Optional<AuthenticatorEnrolment> begin(UUID userId, String accountName) {
        guards.exclusive(userId);
        Authenticator existing = em.find(Authenticator.class, userId);
        if (!seal.isAvailable() || existing != null && existing.isConfirmed()) {
            return Optional.empty();
        }
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        em.persist(new Authenticator(userId, seal.seal(userId, secret), clock.instant()));
        String text = Base32.encode(secret);
        String label = encode(issuer) + ":" + encode(accountName);
        String uri = "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return Optional.of(new AuthenticatorEnrolment(text, uri));
    }

    /** The first code from the app being added: right, and it is added. */
    public boolean confirm(UUID userId, String typed) {
        guards.exclusive(userId);
        Authenticator app = em.find(Authenticator.class, userId);
        if (app == null || app.isConfirmed()) {
            return false;
        }
        OptionalLong step = check(userId, app, typed, "adding an authenticator app");
        if (step.isEmpty()) {
            return false;
        }
        app.confirmed(clock.instant(), step.getAsLong());
        events.fire(Kind.AUTHENTICATOR_ADDED, userId, null, null);
        return true;
    }

    /**
     * A code at sign-in (or to prove who one is): only a confirmed app's, each step once. Call it
     * within the transaction that acts on it.
     */
    public boolean accepts(UUID userId, String typed) {
        guards.exclusive(userId);
        Authenticator app = em.find(Authenticator.class, userId);
        if (app == null || !app.isConfirmed()) {
            return false;
        }
        OptionalLong step = check(userId, app, typed, "authenticator code");
        if (step.isEmpty()) {
            return false;
        }
        int moved = em.createNamedQuery(Authenticator.ACCEPT_STEP).setParameter("step", step.getAsLong())
                .setParameter("now", clock.instant()).setParameter("userId", userId).executeUpdate();
        em.refresh(app);
        if (moved != 1) {
            guards.failed(userId, Step.CODE);
            events.fire(Kind.CODE_FAILED, userId, null, "authenticator code used already");
            return false;
        }
        return true;
    }

    private OptionalLong check(UUID userId, Authenticator app, String typed, String what) {
        if (guards.isLocked(userId, Step.CODE)) {
            events.fire(Kind.CODE_FAILED, userId, null, what + " refused: code step locked");
            return OptionalLong.empty();
        }
        Optional<byte[]> secret = seal.open(userId, app.getSealedSecret());
        String code = typed == null || typed.length() > 32 ? "" : typed.replaceAll("[\\s-]", "");
        OptionalLong step = secret.isEmpty() ? OptionalLong.empty()
                : Totp.matchingStep(secret.get(), code, Totp.stepAt(clock.instant()), app.getLastStep());
        if (step.isEmpty()) {
            guards.failed(userId, Step.CODE);
            events.fire(Kind.CODE_FAILED, userId, null, "wrong " + what);
            return step;
        }
        guards.succeeded(userId, Step.CODE);
        return step;
    }

    /** The confirmed app, if any. */
    public Optional<AuthenticatorView> of(UUID userId) {
        Authenticator app = em.find(Authenticator.class, userId);
        return app == null || !app.isConfirmed() ? Optional.empty()
                : Optional.of(new AuthenticatorView(app.getConfirmedAt(), app.getLastUsedAt(), app.isPreferred()));
    }

    /** Whether sign-ins of this user open on the app rather than a text message. */
    public boolean opensSignIn(UUID userId) {
        return of(userId).map(AuthenticatorView::preferred).orElse(false);
    }

    /** Chooses the app ({@code true}) or the text message as the method a sign-in opens on. */
    public void prefer(UUID userId, boolean app) {
        Authenticator existing = em.find(Authenticator.class, userId);
        if (existing != null && existing.isConfirmed()) {
            existing.setPreferred(app);
        }
    }

    /** Removes the app; false when there was none. */
    public boolean remove(UUID userId, String why) {
        guards.exclusive(userId);
        Authenticator existing = em.find(Authenticator.class, userId);
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        if (existing.isConfirmed()) {
            events.fire(Kind.AUTHENTICATOR_REMOVED, userId, null, why);
        }
        return existing.isConfirmed();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
