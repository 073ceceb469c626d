package com.videoapi.portal.security.notices.boundary;

import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.notices.control.NoticeLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Mails the user a security notice, with a "This wasn't me" link ({@link AccountSecuring}), for each
 * change that an intruder would make to keep a way in or to weaken the account: 2FA switched on or
 * off, another number, a trusted device, a new password (changed or reset), another e-mail address, a
 * recovery code used, a lock engaged, and an operator's reset of 2FA.
 *
 * <p>Driven by the {@link SecurityEvent}s the code fires anyway, after the transaction that fired
 * them commits: a change rolled back sends nothing. A failure here is logged and never undoes the
 * change; the mail itself leaves off the request thread ({@code Outbox}).
 */
@ApplicationScoped
public class SecurityNotices {

    /** The kinds of event a notice goes out for. */
    public static final Set<Kind> NOTIFIED = EnumSet.of(Kind.TWO_FACTOR_ENABLED, Kind.TWO_FACTOR_DISABLED,
            Kind.NUMBER_CHANGED, Kind.NUMBER_REMOVED, Kind.DEVICE_TRUSTED, Kind.PASSWORD_CHANGED, Kind.PASSWORD_RESET, Kind.EMAIL_CHANGED,
            Kind.RECOVERY_CODE_USED, Kind.LOCKED, Kind.TWO_FACTOR_RESET);

    /**
     * The kinds that weakened 2FA: securing the account after one of them puts back the number
     * verified before. (An operator's reset is a switch-off too: "This wasn't me" then means the
     * operator was deceived.)
     */
    public static final Set<Kind> WEAKENING = EnumSet.of(Kind.TWO_FACTOR_DISABLED, Kind.NUMBER_CHANGED,
            Kind.NUMBER_REMOVED, Kind.TWO_FACTOR_RESET);

    /** How {@code TwoFactor.reset} names the switch-off it fires before {@code TWO_FACTOR_RESET}. */
    private static final String BY_OPERATOR = "reset by operator";

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    NoticeLetters letters;

    @Inject
    Instance<RequestOrigin> origin;

    void notice(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
        if (!NOTIFIED.contains(event.kind()) || event.userId() == null) {
            return;
        }
        if (event.kind() == Kind.TWO_FACTOR_DISABLED && event.detail() != null && event.detail().startsWith(BY_OPERATOR)) {
            return; // one notice for an operator's reset: the TWO_FACTOR_RESET that follows
        }
        try {
            letters.post(event, languageOfRequest());
        } catch (RuntimeException failed) {
            // The change is committed and stays; the person still sees it in Security Settings.
            LOG.warning(() -> "Security notice " + event.kind() + " for user " + event.userId() + " not sent: " + failed);
        }
    }

    /** The language of the browser that made the change, when there is one: the person's, most of the time. */
    private Locale languageOfRequest() {
        try {
            return origin.get().language();
        } catch (ContextNotActiveException noRequest) {
            return null; // an operator over JMX, or a timer
        }
    }
}
