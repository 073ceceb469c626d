package com.videoapi.portal.security.notices.control;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import com.videoapi.portal.security.mail.boundary.Letter;
import com.videoapi.portal.security.mail.boundary.MailKind;
import com.videoapi.portal.security.mail.boundary.Outbox;
import com.videoapi.portal.security.mail.boundary.PortalLinks;
import com.videoapi.portal.security.notices.boundary.AccountSecuring;
import com.videoapi.portal.security.notices.boundary.SecurityNotices;
import com.videoapi.portal.security.notices.entity.SecuringLink;
import com.videoapi.portal.security.trusteddevices.boundary.DeviceLabel;
import com.videoapi.portal.platform.tokens.SecretTokens;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One security notice: its "This wasn't me" link stored (hashed) and the letter posted, in a
 * transaction of its own after the change committed. The letter says what happened, when (UTC, in the
 * recipient's language: the one they signed up in, else the browser's that made the change), and from
 * which device and address, as Security Settings shows them.
 */
@Stateless
public class NoticeLetters {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    TwoFactor twoFactor;

    @Inject
    Outbox outbox;

    @Inject
    PortalLinks links;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "notices.securing-link.lifetime")
    Duration lifetime;

    /** @param language the language of the browser that made the change, or null */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void post(SecurityEvent event, Locale language) {
        Optional<UserProfile> user = users.find(event.userId());
        if (user.isEmpty()) {
            return;
        }
        String restore = SecurityNotices.WEAKENING.contains(event.kind())
                ? twoFactor.takeFormerNumber(event.userId()).map(PhoneNumber::e164).orElse(null) : null;
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        em.persist(new SecuringLink(event.userId(), SecretTokens.hashOf(token), event.kind(), event.at(), restore, now,
                now.plus(lifetime)));
        // The language the person signed up in; else the browser's that made the change.
        Locale shown = NoticeWords.supported(users.languageOf(event.userId()).orElse(language));
        outbox.post(new Letter(MailKind.SECURITY_NOTICE, event.userId(), user.get().email(), shown,
                NoticeWords.valuesOf(event, shown, DeviceLabel.fromUserAgent(event.userAgent()),
                        links.link(AccountSecuring.PAGE, token))));
    }
}
