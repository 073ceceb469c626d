package com.videoapi.portal.security.passwordreset.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Throttled;
import com.videoapi.portal.security.mail.boundary.Letter;
import com.videoapi.portal.security.mail.boundary.MailKind;
import com.videoapi.portal.security.mail.boundary.Outbox;
import com.videoapi.portal.security.mail.boundary.PortalLinks;
import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.passwordreset.entity.ResetDemand;
import com.videoapi.portal.security.passwordreset.entity.ResetLink;
import com.videoapi.portal.security.passwords.boundary.PasswordProblem;
import com.videoapi.portal.security.passwords.boundary.Passwords;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.platform.tokens.SecretTokens;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.verification.boundary.CheckedCode;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import com.videoapi.portal.security.verification.boundary.Delivery;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Forgot password?": a link by e-mail, then (with 2FA on) the second factor, then a new password.
 *
 * <ul>
 *   <li>Asking always gets the same answer, whether or not an account uses the address; a link goes
 *       only to an account's own address. Requests are throttled per client address
 *       ({@code passwordreset.per-address-per-hour}, answered 429) and links per e-mail address
 *       ({@code passwordreset.per-email-per-hour}, silently: no mail, the same answer).</li>
 *   <li>A link carries 256 random bits ({@link SecretTokens}), of which only the SHA-256 is stored; it works once, for
 *       {@code passwordreset.link-lifetime} (30 minutes), and a newer link voids every older one.</li>
 *   <li>With 2FA on a link alone never replaces the second factor: a code to the stored number, a
 *       trusted device of this browser, the authenticator app's code, a passkey, or a recovery code
 *       ({@link RecoveryCodes}) comes first, and hands the page a proof that only this link's reset
 *       accepts.</li>
 *   <li>The new password meets the same policy as at sign-up; it ends every session of the user,
 *       revokes every trusted device and lifts a demand of "This wasn't me". A notice mail follows
 *       (the security notices observe {@code PASSWORD_RESET}).</li>
 * </ul>
 */
@Stateless
public class PasswordResets {

    /** The page of the web module that a link opens. */
    public static final String PAGE = "reset-password";

    /** Whether the password was reset, or why not. */
    public enum Result { RESET, LINK_REFUSED, SECOND_FACTOR_NEEDED, NEW_PASSWORD_REFUSED }

    /**
     * @param link    for {@link Result#LINK_REFUSED}, what the link turned out to be
     * @param problem for {@link Result#NEW_PASSWORD_REFUSED}, what is wrong with the password
     */
    public record Outcome(Result result, LinkState link, PasswordProblem problem) {

        public boolean reset() {
            return result == Result.RESET;
        }
    }

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    TwoFactor twoFactor;

    @Inject
    Authenticators authenticators;

    @Inject
    Passkeys passkeys;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    Verifications verifications;

    @Inject
    Guards guards;

    @Inject
    AddressThrottles throttles;

    @Inject
    RequestOrigin origin;

    @Inject
    SecurityEvents events;

    @Inject
    Outbox outbox;

    @Inject
    PortalLinks links;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "passwordreset.link-lifetime")
    Duration lifetime;

    /**
     * Mails a reset link to the account that uses {@code email}, if any, in the language its person
     * signed up in (else {@code language}, the page's). Returns
     * the same way for every address: the caller says "If an account uses this address, we sent a link".
     *
     * @throws Throttled when the client's address has had its requests of the hour
     */
    public void request(String email, Locale language) {
        throttles.passwordResetRequest(origin.source());
        String normalised;
        try {
            normalised = EmailAddress.of(email).value();
        } catch (IllegalArgumentException malformed) {
            return;
        }
        // Counted for unknown addresses too, so the limit tells nothing of who has an account.
        boolean mayMail = throttles.passwordResetMail(normalised);
        Optional<UserProfile> user = users.findByEmail(normalised);
        if (user.isEmpty()) {
            events.fire(Kind.PASSWORD_RESET_REQUESTED, null, null, "no account uses the address: nothing sent");
            return;
        }
        UUID userId = user.get().userId();
        if (!mayMail) {
            events.fire(Kind.PASSWORD_RESET_REQUESTED, userId, null,
                    "not sent: passwordreset.per-email-per-hour reached");
            return;
        }
        Instant now = clock.instant();
        em.createNamedQuery(ResetLink.VOID_OPEN_OF_USER).setParameter("now", now).setParameter("userId", userId)
                .executeUpdate();
        String token = SecretTokens.newToken();
        em.persist(new ResetLink(userId, SecretTokens.hashOf(token), now, now.plus(lifetime)));
        outbox.post(new Letter(MailKind.PASSWORD_RESET, userId, user.get().email(),
                users.languageOf(userId).orElse(language), Map.of(
                "link", links.link(PAGE, token),
                "minutes", Long.toString(lifetime.toMinutes()))));
        events.fire(Kind.PASSWORD_RESET_REQUESTED, userId, null, "link sent, valid " + lifetime.toMinutes() + " min");
    }

    /** What the link is, and whether its person must give the second factor first. */
    public OpenedLink open(String token) {
        Optional<ResetLink> link = find(token);
        LinkState state = link.map(this::stateOf).orElse(LinkState.UNKNOWN);
        if (state != LinkState.USABLE) {
            return new OpenedLink(state, false, false, false, false, false);
        }
        UUID userId = link.get().getUserId();
        boolean on = twoFactor.isEnabled(userId);
        return new OpenedLink(state, on, recoveryCodes.summaryOf(userId).left() > 0,
                twoFactor.numberOf(userId).isPresent(), on && authenticators.of(userId).isPresent(),
                on && passkeys.any(userId));
    }

    /**
     * The second factor for a usable link: a trusted device of this browser proves it at once;
     * otherwise a code goes to the stored number.
     *
     * @param deviceCookie the browser's trusted-device cookie, or null
     */
    public ResetStep startSecondFactor(String token, String deviceCookie, Locale language) {
        Optional<ResetLink> link = usable(token);
        if (link.isEmpty()) {
            return ResetStep.linkRefused(find(token).map(this::stateOf).orElse(LinkState.UNKNOWN));
        }
        UUID userId = link.get().getUserId();
        if (!twoFactor.isEnabled(userId) || trustedDevices.isTrusted(userId, deviceCookie)) {
            return proven(link.get());
        }
        Optional<PhoneNumber> number = twoFactor.numberOf(userId);
        if (number.isEmpty()) {
            // No number (removed while the app stayed, or the inconsistency): never the link alone. The page
            // offers the app's code and recovery codes where the person has them.
            events.fire(Kind.CODE_NOT_SENT, userId, null, "password reset refused: 2FA on without a stored number");
            return ResetStep.refused(CodeProblem.NO_CHANNEL);
        }
        StartedVerification started = verifications.start(userId, Purpose.PASSWORD_RESET, number.get(), language);
        return started.wasSent() ? ResetStep.codeSent(started.verificationId(), started.maskedNumber())
                : ResetStep.refused(started.problem());
    }

    /** "Send a new code", within the resend cooldown refused. */
    public ResetStep resendCode(String token, Locale language) {
        return newCode(token, language, Delivery.SMS);
    }

    /**
     * "Call me instead": the new code read out in a voice call to the stored number, with the call
     * cooldown and the same budgets as at sign-in ({@link Verifications#call}).
     */
    public ResetStep callInstead(String token, Locale language) {
        return newCode(token, language, Delivery.VOICE);
    }

    private ResetStep newCode(String token, Locale language, Delivery delivery) {
        Optional<ResetLink> link = usable(token);
        if (link.isEmpty()) {
            return ResetStep.linkRefused(find(token).map(this::stateOf).orElse(LinkState.UNKNOWN));
        }
        UUID userId = link.get().getUserId();
        Optional<PhoneNumber> number = twoFactor.numberOf(userId);
        if (number.isEmpty()) {
            return ResetStep.refused(CodeProblem.NO_CHANNEL);
        }
        StartedVerification started = delivery == Delivery.VOICE
                ? verifications.call(userId, Purpose.PASSWORD_RESET, number.get(), language)
                : verifications.resend(userId, Purpose.PASSWORD_RESET, number.get(), language);
        return started.wasSent() ? ResetStep.codeSent(started.verificationId(), started.maskedNumber())
                : ResetStep.refused(started.problem());
    }

    /** The code sent for this link; wrong codes count towards the user's code lock, as at sign-in. */
    public ResetStep confirmCode(String token, UUID verificationId, String code) {
        Optional<ResetLink> link = usable(token);
        if (link.isEmpty()) {
            return ResetStep.linkRefused(find(token).map(this::stateOf).orElse(LinkState.UNKNOWN));
        }
        CheckedCode checked = verifications.check(verificationId, link.get().getUserId(), Purpose.PASSWORD_RESET, code);
        return checked.isConfirmed() ? proven(link.get()) : ResetStep.refused(checked.problem());
    }

    /** A recovery code in place of the code to the phone, where recovery codes exist. */
    public ResetStep confirmRecoveryCode(String token, String recoveryCode) {
        Optional<ResetLink> link = usable(token);
        if (link.isEmpty()) {
            return ResetStep.linkRefused(find(token).map(this::stateOf).orElse(LinkState.UNKNOWN));
        }
        // Spent, counted towards the code lock and audited (RECOVERY_CODE_USED: a notice goes out) by RecoveryCodes.
        if (recoveryCode == null || recoveryCode.isBlank()
                || recoveryCodes.redeem(link.get().getUserId(), recoveryCode).isEmpty()) {
            return ResetStep.refused(CodeProblem.WRONG_CODE);
        }
        return proven(link.get());
    }

    /** The authenticator app's code in place of the code to the phone (each step once; wrong ones count towards the lock). */
    public ResetStep confirmAppCode(String token, String code) {
        Optional<ResetLink> link = usable(token);
        if (link.isEmpty()) {
            return ResetStep.linkRefused(find(token).map(this::stateOf).orElse(LinkState.UNKNOWN));
        }
        return authenticators.accepts(link.get().getUserId(), code) ? proven(link.get())
                : ResetStep.refused(CodeProblem.WRONG_CODE);
    }

    /**
     * A ceremony for "Use your passkey" on the link's page: its options allow the link's user's passkeys
     * only. Empty for a link that cannot be used (the page then says why).
     */
    public Optional<Ceremony> startPasskey(String token) {
        return usable(token).map(link -> passkeys.startSignIn(link.getUserId()));
    }

    /**
     * The browser's answer to {@code ceremony}, in place of the code to the phone: the way for a person
     * whose second factors are passkeys, or who has one at hand. Checked as at sign-in (the ceremony
     * answers once, the signature counter must move on) and audited as {@code IDENTITY_PROVEN} or
     * {@code IDENTITY_PROOF_FAILED} ({@link Passkeys#prove}).
     */
    public ResetStep confirmPasskey(String token, Ceremony ceremony, String response) {
        Optional<ResetLink> link = usable(token);
        if (link.isEmpty()) {
            return ResetStep.linkRefused(find(token).map(this::stateOf).orElse(LinkState.UNKNOWN));
        }
        Passkeys.Assertion outcome = passkeys.prove(link.get().getUserId(), ceremony, response);
        return outcome == Passkeys.Assertion.SIGNED_IN ? proven(link.get()) : ResetStep.passkeyRefused(outcome);
    }

    /**
     * The new password, for a usable link and (with 2FA on now) the proof of its second factor. Of
     * two requests with the same link, one resets and the other is refused ({@link LinkState#USED}).
     */
    public Outcome reset(String token, String proof, String newPassword) {
        Optional<ResetLink> found = usable(token);
        if (found.isEmpty()) {
            return new Outcome(Result.LINK_REFUSED, find(token).map(this::stateOf).orElse(LinkState.UNKNOWN), null);
        }
        ResetLink link = found.get();
        UUID userId = link.getUserId();
        if (twoFactor.isEnabled(userId) && !proofMatches(link, proof)) {
            return new Outcome(Result.SECOND_FACTOR_NEEDED, LinkState.USABLE, null);
        }
        String hash;
        try {
            hash = passwords.hash(newPassword);
        } catch (PasswordProblem.Refused weak) {
            return new Outcome(Result.NEW_PASSWORD_REFUSED, LinkState.USABLE, weak.problem());
        }
        // Under the user's row lock, which every change of sessions takes too; the conditional update
        // then sees what a request that raced ahead committed, and only one of them spends the link.
        guards.exclusive(userId);
        Instant now = clock.instant();
        int spent = em.createNamedQuery(ResetLink.SPEND).setParameter("id", link.getId()).setParameter("now", now)
                .executeUpdate();
        if (spent != 1) {
            em.refresh(link);
            return new Outcome(Result.LINK_REFUSED, stateOf(link), null);
        }
        users.changePasswordHash(userId, hash);
        trustedDevices.revokeAll(userId, "password reset by e-mail");
        verifications.cancelAll(userId, Purpose.SIGN_IN);
        guards.endSessions(userId);
        ResetDemand demand = em.find(ResetDemand.class, userId);
        if (demand != null) {
            em.remove(demand);
        }
        events.fire(Kind.PASSWORD_RESET, userId, null, demand != null ? "after \"This wasn't me\"" : null);
        return new Outcome(Result.RESET, LinkState.USABLE, null);
    }

    /**
     * From now on the user signs in only after a new password chosen through a mailed link: the old
     * one is known to someone else ("This wasn't me").
     */
    public void demand(UUID userId) {
        if (em.find(ResetDemand.class, userId) == null) {
            em.persist(new ResetDemand(userId, clock.instant()));
        }
    }

    /** Whether the user must reset the password by e-mail before signing in. */
    public boolean isDemanded(UUID userId) {
        return em.find(ResetDemand.class, userId) != null;
    }

    /** Forgets at most {@code batch} links that expired before {@code cutoff}; for the hourly purge. */
    public int forgetExpiredBefore(Instant cutoff, int batch) {
        List<UUID> ids = em.createNamedQuery(ResetLink.EXPIRED_BEFORE, UUID.class).setParameter("cutoff", cutoff)
                .setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from ResetLink l where l.id in :ids")
                .setParameter("ids", ids).executeUpdate();
    }

    private ResetStep proven(ResetLink link) {
        String proof = SecretTokens.newToken();
        link.proven(SecretTokens.hashOf(proof));
        return ResetStep.proven(proof);
    }

    /** In constant time, as every comparison of a secret's hash. */
    private static boolean proofMatches(ResetLink link, String proof) {
        return link.getProofHash() != null && SecretTokens.isWellFormed(proof) && MessageDigest.isEqual(
                link.getProofHash().getBytes(StandardCharsets.US_ASCII),
                SecretTokens.hashOf(proof).getBytes(StandardCharsets.US_ASCII));
    }

    private Optional<ResetLink> usable(String token) {
        return find(token).filter(l -> stateOf(l) == LinkState.USABLE);
    }

    private LinkState stateOf(ResetLink link) {
        return LinkState.of(link.getUsedAt(), link.getVoidedAt(), link.getExpiresAt(), clock.instant());
    }

    /** Looked up by the token's hash; a token of the wrong shape is not hashed at all. */
    private Optional<ResetLink> find(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(ResetLink.BY_TOKEN_HASH, ResetLink.class)
                .setParameter("tokenHash", SecretTokens.hashOf(token))
                .getResultList().stream().findFirst();
    }
}
