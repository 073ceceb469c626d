package com.videoapi.portal.security.addresses.boundary;

import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.account.users.boundary.EmailAlreadyRegisteredException;
import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.addresses.entity.AddressLink;
import com.videoapi.portal.security.addresses.entity.AddressLink.Purpose;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Cooldowns;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.mail.boundary.Letter;
import com.videoapi.portal.platform.tokens.SecretTokens;
import com.videoapi.portal.security.mail.boundary.MailKind;
import com.videoapi.portal.security.mail.boundary.MaskedAddress;
import com.videoapi.portal.security.mail.boundary.Outbox;
import com.videoapi.portal.security.mail.boundary.PortalLinks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proving that a person owns an e-mail address, by a link mailed to it: the address given at sign-up
 * (verified by following the link; until then the account works, with fewer enrolment codes), and a
 * new address a user wants to sign in with (it replaces the old only when the link is followed).
 *
 * <p>A link carries a token of 256 random bits ({@link SecretTokens}); only its SHA-256 is stored. It
 * works once (spent by an update only one of two racing requests wins), for
 * {@code mail.address-link.lifetime} (24 hours), and only while no newer link of the same purpose was
 * sent to the user. Following a link never signs anyone in. A new link of a purpose waits
 * {@code mail.address-link.resend-cooldown} after the last, so the button cannot flood a mailbox; the
 * wait is judged under the user's guard row lock, so two requests at once (a double click, a script)
 * send one link, and the other is told to wait.
 */
@Stateless
public class AddressVerifications {

    static final String VERIFY_PAGE = "verify-email";

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Outbox outbox;

    @Inject
    PortalLinks links;

    @Inject
    SecurityEvents events;

    @Inject
    Cooldowns cooldowns;

    @Inject
    Guards guards;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mail.address-link.lifetime")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "mail.address-link.resend-cooldown")
    Duration cooldown;

    /** What following a link did, or why it did nothing. */
    public enum Result {
        /** The address is verified now. */
        VERIFIED,
        /** The user signs in with the new address now. */
        CHANGED,
        /** The link was followed before: it works once. */
        USED,
        /** The link is older than its lifetime. */
        EXPIRED,
        /** A newer link was sent since (or the account no longer uses that address): only the newest works. */
        REPLACED,
        /** The new address is someone else's account's by now. */
        ADDRESS_TAKEN,
        /** No such link: mistyped, cut short, or made up. */
        INVALID
    }

    /**
     * @param userId  whose address it was, or null when the link is {@link Result#INVALID}
     * @param address the address the link proves, or null when invalid
     */
    public record Followed(Result result, UUID userId, String address) {
    }

    /** The outcome of "Send the link again" and of asking to change the address. */
    public enum Request {
        /** A link is on its way. */
        SENT,
        /** The address is verified already: no link needed. */
        ALREADY_VERIFIED,
        /** The last link went out less than the cooldown ago. */
        TOO_SOON,
        /** The new address is the one the user signs in with already. */
        SAME_ADDRESS
    }

    /** At sign-up: a link that verifies the new user's address. */
    public void mailVerificationLink(UUID userId, String address, Locale language) {
        String token = issue(userId, Purpose.VERIFY, address);
        outbox.post(new Letter(MailKind.ADDRESS_VERIFICATION, userId, address, language,
                Map.of("link", links.link(VERIFY_PAGE, token))));
    }

    /**
     * At a sign-up with an address that has an account: its owner learns of it (in their language), and
     * nothing else happens. At most one such mail per owner per cooldown, so a script cannot flood the
     * owner's mailbox by signing up again and again; on any node ({@link Cooldowns}, in the database).
     */
    public void mailAddressTaken(EmailAddress address) {
        Optional<UserProfile> owner = users.findByEmail(address.value());
        if (owner.isEmpty() || !cooldowns.admit("address-taken:" + owner.get().userId(), cooldown)) {
            return;
        }
        UUID userId = owner.get().userId();
        outbox.post(new Letter(MailKind.ADDRESS_TAKEN, userId, owner.get().email(),
                users.languageOf(userId).orElse(null), Map.of("signin", links.page("signin"))));
    }

    /** "Send the link again": a new verification link to the user's address, voiding the older ones. */
    public Request sendLinkAgain(UUID userId) {
        Optional<UserProfile> user = users.find(userId);
        if (user.isEmpty() || users.hasVerifiedEmail(userId)) {
            return Request.ALREADY_VERIFIED;
        }
        guards.exclusive(userId);
        if (tooSoon(userId, Purpose.VERIFY)) {
            return Request.TOO_SOON;
        }
        mailVerificationLink(userId, user.get().email(), users.languageOf(userId).orElse(null));
        return Request.SENT;
    }

    /**
     * A change of the address the user signs in with, asked for by the signed-in user whose password
     * (and fresh proof) the caller checked: a link to the new address, a notice to the old one. The
     * address changes only when the link is followed. When the new address belongs to another account,
     * no link goes to it, but the answer is the same ({@link Request#SENT}): the form is no way to find
     * out who has an account.
     */
    public Request requestChange(UUID userId, EmailAddress newAddress) {
        UserProfile user = users.find(userId).orElseThrow(() -> new IllegalArgumentException("No user " + userId));
        if (user.email().equals(newAddress.value())) {
            return Request.SAME_ADDRESS;
        }
        guards.exclusive(userId);
        if (tooSoon(userId, Purpose.CHANGE)) {
            return Request.TOO_SOON;
        }
        Locale language = users.languageOf(userId).orElse(null);
        if (users.isTaken(newAddress)) {
            // Voids any link to an address asked for before, as a link would: only the last request counts.
            voidOlder(userId, Purpose.CHANGE, clock.instant());
        } else {
            String token = issue(userId, Purpose.CHANGE, newAddress.value());
            outbox.post(new Letter(MailKind.ADDRESS_CHANGE_CONFIRMATION, userId, newAddress.value(), language,
                    Map.of("link", links.link(VERIFY_PAGE, token), "account", user.email(), "newAddress", newAddress.value())));
        }
        outbox.post(new Letter(MailKind.ADDRESS_CHANGE_NOTICE, userId, user.email(), language,
                Map.of("newAddress", MaskedAddress.of(newAddress.value()), "signin", links.page("signin"))));
        return Request.SENT;
    }

    /** Following a link from a mail: verifies the address, or changes to it. */
    public Followed follow(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return new Followed(Result.INVALID, null, null);
        }
        String hash = SecretTokens.hashOf(token);
        AddressLink link = em.find(AddressLink.class, hash);
        if (link == null) {
            return new Followed(Result.INVALID, null, null);
        }
        Instant now = clock.instant();
        Result refusal = link.getUsedAt() != null ? Result.USED
                : link.getVoidedAt() != null ? Result.REPLACED
                : !now.isBefore(link.getExpiresAt()) ? Result.EXPIRED
                : null;
        if (refusal == null && !spend(hash, now)) {
            refusal = Result.USED; // another request spent it just now
        }
        if (refusal != null) {
            return new Followed(refusal, link.getUserId(), link.getAddress());
        }
        UUID userId = link.getUserId();
        if (link.getPurpose() == Purpose.VERIFY) {
            if (!users.markEmailVerified(userId, link.getAddress())) {
                return new Followed(Result.REPLACED, userId, link.getAddress());
            }
            events.fire(Kind.EMAIL_VERIFIED, userId, null, MaskedAddress.of(link.getAddress()));
            return new Followed(Result.VERIFIED, userId, link.getAddress());
        }
        return change(link, now);
    }

    private Followed change(AddressLink link, Instant now) {
        UUID userId = link.getUserId();
        Optional<UserProfile> user = users.find(userId);
        EmailAddress to = EmailAddress.of(link.getAddress());
        if (user.isEmpty()) {
            return new Followed(Result.INVALID, null, null);
        }
        String from = user.get().email();
        if (users.isTaken(to)) {
            return new Followed(Result.ADDRESS_TAKEN, userId, link.getAddress());
        }
        try {
            if (!users.changeEmail(userId, from, to)) {
                return new Followed(Result.REPLACED, userId, link.getAddress());
            }
        } catch (EmailAlreadyRegisteredException raced) {
            // Taken between the check and the change; the transaction rolls back, the link stays unspent.
            return new Followed(Result.ADDRESS_TAKEN, userId, link.getAddress());
        }
        // Links to the old address prove nothing about the new one.
        voidOlder(userId, Purpose.VERIFY, now);
        events.fire(Kind.EMAIL_CHANGED, userId, null, MaskedAddress.of(from) + " to " + MaskedAddress.of(link.getAddress()));
        return new Followed(Result.CHANGED, userId, link.getAddress());
    }

    /** Spends the link unless another request did: the database decides a race. */
    private boolean spend(String hash, Instant now) {
        return em.createQuery("update AddressLink l set l.usedAt = :now where l.tokenHash = :hash"
                        + " and l.usedAt is null and l.voidedAt is null and l.expiresAt > :now")
                .setParameter("now", now)
                .setParameter("hash", hash)
                .executeUpdate() == 1;
    }

    private String issue(UUID userId, Purpose purpose, String address) {
        Instant now = clock.instant();
        voidOlder(userId, purpose, now);
        String token = SecretTokens.newToken();
        em.persist(new AddressLink(SecretTokens.hashOf(token), userId, purpose, address, now, now.plus(lifetime)));
        return token;
    }

    private void voidOlder(UUID userId, Purpose purpose, Instant now) {
        em.createQuery("update AddressLink l set l.voidedAt = :now where l.userId = :userId and l.purpose = :purpose"
                        + " and l.usedAt is null and l.voidedAt is null")
                .setParameter("now", now)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose)
                .executeUpdate();
    }

    /** Whether the last link of that purpose went out less than the cooldown ago; under the user's guard row lock. */
    private boolean tooSoon(UUID userId, Purpose purpose) {
        Instant newest = em.createQuery("select max(l.createdAt) from AddressLink l where l.userId = :userId"
                        + " and l.purpose = :purpose", Instant.class)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose)
                .getSingleResult();
        return newest != null && clock.instant().isBefore(newest.plus(cooldown));
    }

    /**
     * For the purge: forgets up to {@code batch} links that expired before {@code cutoff}, used or not
     * (a used link expires too; until then its page says "used"). Named by their hash, so two nodes
     * purging at once delete each row once.
     */
    public int forgetExpiredBefore(Instant cutoff, int batch) {
        List<String> hashes = em.createQuery("select l.tokenHash from AddressLink l where l.expiresAt < :cutoff"
                        + " order by l.expiresAt", String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(batch)
                .getResultList();
        return hashes.isEmpty() ? 0 : em.createQuery("delete from AddressLink l where l.tokenHash in :hashes"
                        + " and l.expiresAt < :cutoff")
                .setParameter("hashes", hashes)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** Until when the user must wait for another link of that kind; for the page's words. */
    public Duration cooldown() {
        return cooldown;
    }
}
