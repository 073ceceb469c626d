package com.videoapi.portal.security.notices.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.notices.entity.SecuringLink;
import com.videoapi.portal.security.passwordreset.boundary.LinkState;
import com.videoapi.portal.security.passwordreset.boundary.PasswordResets;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.platform.tokens.SecretTokens;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.Verifications;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * "This wasn't me": the link of a security notice secures the account in one step, without signing
 * in. Every session of the user ends, every trusted device is revoked, the password must be reset by
 * e-mail before the next sign-in ({@link PasswordResets#demand}), and when the reported change
 * weakened 2FA (switched off, another number, an operator's reset) 2FA is on again with the number
 * verified before. The link works once ({@code SPEND} under the user's row lock) for
 * {@code notices.securing-link.lifetime} (7 days).
 *
 * <p>The operator learns of it from the audit trail ({@code ACCOUNT_SECURED}) and a WARNING line in
 * the log: someone may have the person's password, and perhaps the phone.
 *
 * <p>Opening the link changes nothing: mail scanners fetch links, so the page asks for one press of a
 * button before {@link #secure}.
 */
@Stateless
public class AccountSecuring {

    /** The page of the web module that a link opens. */
    public static final String PAGE = "secure-account";

    /**
     * What the link is about, for the page before it is pressed.
     *
     * @param reported what the notice reported, or null when the link is not usable
     */
    public record Opened(LinkState state, Kind reported, Instant reportedAt) implements Serializable {

        public boolean usable() {
            return state == LinkState.USABLE;
        }
    }

    /**
     * @param twoFactorRestored 2FA is on again with the number verified before the reported change
     */
    public record Outcome(LinkState link, Kind reported, boolean twoFactorRestored) implements Serializable {

        public boolean secured() {
            return link == LinkState.USABLE;
        }
    }

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    Guards guards;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    TwoFactor twoFactor;

    @Inject
    Verifications verifications;

    @Inject
    PasswordResets passwordResets;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    public Opened open(String token) {
        Optional<SecuringLink> link = find(token);
        LinkState state = link.map(this::stateOf).orElse(LinkState.UNKNOWN);
        return state == LinkState.USABLE
                ? new Opened(state, link.get().getReportedKind(), link.get().getReportedAt())
                : new Opened(state, null, null);
    }

    /** Secures the account the link belongs to; of two presses with one link, one secures. */
    public Outcome secure(String token) {
        Optional<SecuringLink> found = find(token);
        if (found.isEmpty() || stateOf(found.get()) != LinkState.USABLE) {
            return new Outcome(found.map(this::stateOf).orElse(LinkState.UNKNOWN), null, false);
        }
        SecuringLink link = found.get();
        UUID userId = link.getUserId();
        String restore = link.getRestoreE164();
        guards.exclusive(userId);
        Instant now = clock.instant();
        if (em.createNamedQuery(SecuringLink.SPEND).setParameter("id", link.getId()).setParameter("now", now)
                .executeUpdate() != 1) {
            em.refresh(link);
            return new Outcome(stateOf(link), null, false);
        }
        trustedDevices.revokeAll(userId, "\"This wasn't me\"");
        verifications.cancelAll(userId, Purpose.SIGN_IN);
        guards.endSessions(userId);
        passwordResets.demand(userId);
        boolean restored = SecurityNotices.WEAKENING.contains(link.getReportedKind()) && restore != null;
        String masked = null;
        if (restored) {
            PhoneNumber number = PhoneNumber.ofE164(restore);
            twoFactor.restore(userId, number);
            masked = number.masked();
        }
        String detail = "reported " + link.getReportedKind() + " of " + link.getReportedAt()
                + ": sessions ended, devices revoked, password reset demanded"
                + (restored ? ", 2FA restored" : "");
        events.fire(Kind.ACCOUNT_SECURED, userId, masked, detail);
        LOG.warning(() -> "Account of user " + userId + " secured through \"This wasn't me\" (" + detail
                + "). Someone else may know the password; check the audit trail of the user.");
        return new Outcome(LinkState.USABLE, link.getReportedKind(), restored);
    }

    /**
     * Forgets at most {@code batch} links that expired before {@code cutoff}, with the number a
     * weakening change replaced; for the hourly purge.
     */
    public int forgetExpiredBefore(Instant cutoff, int batch) {
        List<UUID> ids = em.createNamedQuery(SecuringLink.EXPIRED_BEFORE, UUID.class).setParameter("cutoff", cutoff)
                .setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from SecuringLink l where l.id in :ids")
                .setParameter("ids", ids).executeUpdate();
    }

    private LinkState stateOf(SecuringLink link) {
        // Never replaced: each notice's link stands on its own.
        return LinkState.of(link.getUsedAt(), null, link.getExpiresAt(), clock.instant());
    }

    private Optional<SecuringLink> find(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(SecuringLink.BY_TOKEN_HASH, SecuringLink.class)
                .setParameter("tokenHash", SecretTokens.hashOf(token))
                .getResultList().stream().findFirst();
    }
}
