package com.videoapi.portal.security.passkeys.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.passkeys.control.CeremonyOptions;
import com.videoapi.portal.security.passkeys.control.RelyingParty;
import com.videoapi.portal.security.passkeys.control.RelyingParty.NewCredential;
import com.videoapi.portal.security.passkeys.control.RelyingParty.StoredCredential;
import com.videoapi.portal.security.passkeys.control.SignatureCounter;
import com.videoapi.portal.security.passkeys.entity.Passkey;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorSwitchedOff;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Passkeys and security keys (WebAuthn Level 2) as a second factor: adding one, listing and removing
 * them, and checking one at sign-in after the password.
 *
 * <ul>
 *   <li>Adding needs 2FA on (a passkey is a second factor beside the phone number, never the first)
 *       and a fresh proof of identity, which the page asks for; the ceremony's challenge is single use.</li>
 *   <li>At sign-in, only a credential of this user, over this sign-in's challenge, from a configured
 *       origin, with a counter that went forward (or an authenticator that counts nothing), signs in.</li>
 *   <li>Switching 2FA off (the person or an operator) removes them all ({@link TwoFactorSwitchedOff}).</li>
 * </ul>
 * Each addition, removal and refusal is audited; the log names the reason of a refusal, never the
 * response itself.
 */
@Stateless
public class Passkeys {

    /** What came of adding a passkey. */
    public enum Registration {
        ADDED,
        /** 2FA is off: a passkey is only a second factor. */
        TWO_FACTOR_OFF,
        NAME_MISSING,
        /** The ceremony's challenge was used before or is too old: start again. */
        CEREMONY_SPENT,
        /** The authenticator's answer failed a check (origin, challenge, signature…) or is unreadable. */
        REFUSED,
        /** This authenticator's passkey is registered already (to this or another account). */
        ALREADY_REGISTERED
    }

    /** What came of a sign-in with a passkey. */
    public enum Assertion {
        SIGNED_IN,
        CEREMONY_SPENT,
        /** Not a passkey of this user (unknown, or another user's). */
        UNKNOWN_PASSKEY,
        REFUSED,
        /** The signature counter did not go forward: a cloned authenticator, refused and audited. */
        COUNTER_WENT_BACK
    }

    static final int NAME_LENGTH = 64;
    private static final int CHALLENGE_BYTES = 32;
    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    RelyingParty relyingParty;

    @Inject
    TwoFactor twoFactor;

    @Inject
    Guards guards;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    public List<PasskeyView> of(UUID userId) {
        return passkeysOf(userId).stream()
                .map(p -> new PasskeyView(p.getId(), p.getName(), p.getAddedAt(), p.getLastUsedAt())).toList();
    }

    public boolean any(UUID userId) {
        return em.createNamedQuery(Passkey.COUNT_OF_USER, Long.class).setParameter("userId", userId)
                .getSingleResult() > 0;
    }

    /**
     * A ceremony that adds a passkey for this user: the options name the user (e-mail address and
     * name, as the authenticator shows them) and exclude the user's passkeys.
     */
    public Ceremony startRegistration(UUID userId, String email, String displayName) {
        byte[] challenge = challenge();
        List<byte[]> existing = passkeysOf(userId).stream()
                .map(p -> RelyingParty.fromBase64Url(p.getCredentialId())).toList();
        String options = CeremonyOptions.creation(relyingParty.rpId(), relyingParty.rpName(), userHandle(userId),
                email, displayName, challenge, existing);
        return new Ceremony(challenge, options, clock.instant());
    }

    /**
     * Adds the passkey the browser created in {@code ceremony}. The caller has checked the fresh
     * proof of identity; this checks everything else.
     *
     * @param responseJson the browser's {@code PublicKeyCredential}, as JSON (WebAuthn Level 3 §5.1)
     */
    public Registration register(UUID userId, String name, Ceremony ceremony, String responseJson) {
        Instant now = clock.instant();
        Optional<byte[]> challenge = ceremony == null ? Optional.empty() : ceremony.take(now);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return Registration.NAME_MISSING;
        }
        if (challenge.isEmpty()) {
            return Registration.CEREMONY_SPENT;
        }
        guards.exclusive(userId);
        if (!twoFactor.isEnabled(userId)) {
            return Registration.TWO_FACTOR_OFF;
        }
        NewCredential credential;
        try {
            credential = relyingParty.verifyRegistration(challenge.get(), responseJson == null ? "" : responseJson);
        } catch (RelyingParty.Refused refused) {
            LOG.info(() -> "Passkey of user " + userId + " not added: " + refused.getMessage());
            return Registration.REFUSED;
        }
        String hash = hashOf(credential.credentialId());
        if (!em.createNamedQuery(Passkey.BY_CREDENTIAL, Passkey.class).setParameter("hash", hash).getResultList().isEmpty()) {
            return Registration.ALREADY_REGISTERED;
        }
        String shortName = trimmed.length() > NAME_LENGTH ? trimmed.substring(0, NAME_LENGTH) : trimmed;
        em.persist(new Passkey(userId, shortName, hash, CeremonyOptions.base64Url(credential.credentialId()),
                CeremonyOptions.base64Url(credential.attestedCredentialData()), credential.signCount(), now));
        events.fire(Kind.PASSKEY_ADDED, userId, null, shortName);
        return Registration.ADDED;
    }

    /** Removes one passkey of this user (the caller has checked the fresh proof); false when none such. */
    public boolean remove(UUID userId, UUID passkeyId) {
        Passkey passkey = em.find(Passkey.class, passkeyId);
        if (passkey == null || !passkey.getUserId().equals(userId)) {
            return false;
        }
        em.remove(passkey);
        events.fire(Kind.PASSKEY_REMOVED, userId, null, passkey.getName());
        return true;
    }

    /** 2FA off: every passkey of the user goes, in the same transaction. */
    public void removeAll(@Observes TwoFactorSwitchedOff switchedOff) {
        for (Passkey passkey : passkeysOf(switchedOff.userId())) {
            em.remove(passkey);
            events.fire(Kind.PASSKEY_REMOVED, switchedOff.userId(), null,
                    passkey.getName() + ": two-factor authentication disabled (" + switchedOff.how() + ")");
        }
    }

    /** A ceremony for signing this user in: the options allow the user's passkeys only. */
    public Ceremony startSignIn(UUID userId) {
        byte[] challenge = challenge();
        List<byte[]> allowed = passkeysOf(userId).stream()
                .map(p -> RelyingParty.fromBase64Url(p.getCredentialId())).toList();
        return new Ceremony(challenge, CeremonyOptions.request(relyingParty.rpId(), challenge, allowed), clock.instant());
    }

    /**
     * Checks the browser's answer to a sign-in ceremony for this user; {@link Assertion#SIGNED_IN}
     * records the passkey's use and new counter. The ceremony is spent whatever the outcome.
     */
    public Assertion signIn(UUID userId, Ceremony ceremony, String responseJson) {
        return assertion(userId, ceremony, responseJson, Kind.SIGN_IN_PASSKEY_SUCCEEDED, Kind.SIGN_IN_PASSKEY_FAILED);
    }

    /**
     * A passkey as the second part of a fresh proof of identity ({@code IdentityProofs}): checked as at
     * sign-in, over a ceremony of {@link #startSignIn}, audited as {@code IDENTITY_PROVEN} or
     * {@code IDENTITY_PROOF_FAILED}.
     */
    public Assertion prove(UUID userId, Ceremony ceremony, String responseJson) {
        return assertion(userId, ceremony, responseJson, Kind.IDENTITY_PROVEN, Kind.IDENTITY_PROOF_FAILED);
    }

    private Assertion assertion(UUID userId, Ceremony ceremony, String responseJson, Kind succeeded, Kind failed) {
        Instant now = clock.instant();
        Optional<byte[]> challenge = ceremony == null ? Optional.empty() : ceremony.take(now);
        if (challenge.isEmpty()) {
            return refused(failed, userId, Assertion.CEREMONY_SPENT, "challenge spent or expired");
        }
        String response = responseJson == null ? "" : responseJson;
        Optional<Passkey> passkey = relyingParty.credentialIdOf(response)
                .flatMap(id -> em.createNamedQuery(Passkey.BY_CREDENTIAL, Passkey.class)
                        .setParameter("hash", hashOf(id)).getResultList().stream().findFirst())
                .filter(p -> p.getUserId().equals(userId));
        if (passkey.isEmpty()) {
            return refused(failed, userId, Assertion.UNKNOWN_PASSKEY, "not a passkey of this user");
        }
        // The counter is read and written under the user's lock: two assertions racing cannot both pass
        // the counter check with the same value.
        guards.exclusive(userId);
        Passkey used = em.find(Passkey.class, passkey.get().getId());
        if (used == null) {
            return refused(failed, userId, Assertion.UNKNOWN_PASSKEY, "passkey removed meanwhile");
        }
        em.refresh(used);
        long counter;
        try {
            counter = relyingParty.verifyAssertion(challenge.get(), response,
                    new StoredCredential(RelyingParty.fromBase64Url(used.getCredentialData()), used.getSignCount()));
        } catch (RelyingParty.Refused refused) {
            LOG.info(() -> "Passkey sign-in of user " + userId + " refused: " + refused.getMessage());
            return refused(failed, userId, Assertion.REFUSED, used.getName() + ": failed the checks");
        }
        if (!SignatureCounter.accepts(used.getSignCount(), counter)) {
            LOG.warning(() -> "Passkey sign-in of user " + userId + " refused: signature counter " + counter
                    + " not above " + used.getSignCount() + " (passkey " + used.getId() + "): a cloned authenticator?");
            return refused(failed, userId, Assertion.COUNTER_WENT_BACK, used.getName()
                    + ": signature counter went backwards (" + counter + " after " + used.getSignCount() + ")");
        }
        used.usedAt(now, counter);
        events.fire(succeeded, userId, null, succeeded == Kind.IDENTITY_PROVEN ? "passkey " + used.getName() : used.getName());
        return Assertion.SIGNED_IN;
    }

    private Assertion refused(Kind kind, UUID userId, Assertion outcome, String detail) {
        events.fire(kind, userId, null, kind == Kind.IDENTITY_PROOF_FAILED ? "passkey: " + detail : detail);
        return outcome;
    }

    private List<Passkey> passkeysOf(UUID userId) {
        return em.createNamedQuery(Passkey.OF_USER, Passkey.class).setParameter("userId", userId).getResultList();
    }

    private static byte[] challenge() {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(challenge);
        return challenge;
    }

    /** The user handle: the user's id, 16 bytes that say nothing about the person (WebAuthn §14.6.1). */
    static byte[] userHandle(UUID userId) {
        return ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits()).array();
    }

    static String hashOf(byte[] credentialId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credentialId));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
