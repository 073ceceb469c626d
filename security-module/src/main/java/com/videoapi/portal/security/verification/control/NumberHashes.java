package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.verification.boundary.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the send counters store instead of a phone number: its HMAC-SHA256 under the server secret
 * {@value #SETTING}, so that a copy of the database does not list who was sent codes, while the same
 * number still meets its own counters on every node. The user's verified number itself stays readable
 * (codes are sent to it); only the counters are keyed by hash.
 *
 * <p>Without the secret (or one shorter than {@value #SHORTEST_KEY} characters) the Vonage channel
 * fails closed: no code is admitted, readiness is DOWN and the start logs why. A key made up at each
 * start would split the per-number counters between nodes and reset them at each restart, which
 * multiplies the budgets an attacker gets. The development channel, which sends no SMS, uses such a
 * key, with a WARNING, so that a developer needs no secret.
 */
@ApplicationScoped
public class NumberHashes {

    public static final String SETTING = "twofactor.number-key";
    static final int SHORTEST_KEY = 32;

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");
    private static final String HMAC = "HmacSHA256";

    @Inject
    Config config;

    @Inject
    VerificationChannels channels;

    private SecretKeySpec key;
    private String problem;

    @PostConstruct
    void readKey() {
        choose(config.getOptionalValue(SETTING, String.class).orElse(null), channels.channel());
    }

    /** The hashes a server with this setting (null: none) and channel uses; for tests too. */
    public static NumberHashes of(String secret, Channel channel) {
        NumberHashes hashes = new NumberHashes();
        hashes.choose(secret, channel);
        return hashes;
    }

    private void choose(String secret, Channel channel) {
        String configured = secret == null ? "" : secret.strip();
        if (configured.length() >= SHORTEST_KEY) {
            key = keyOf(configured.getBytes(StandardCharsets.UTF_8));
        } else if (channel == Channel.DEVELOPMENT) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            key = keyOf(random);
            LOG.warning(() -> SETTING + " is not set: the development channel counts numbers under a key made at this"
                    + " start (per-number budgets restart with the server and differ between nodes)");
        } else {
            problem = configured.isEmpty()
                    ? SETTING + " is not set: no code is sent"
                    : SETTING + " is shorter than " + SHORTEST_KEY + " characters: no code is sent";
            LOG.severe(() -> problem + " (the send budgets count numbers by their keyed hash; docs/configuration.md)");
        }
    }

    /** The number's keyed hash (43 characters, base64url), or empty when there is no key: count nothing, send nothing. */
    public Optional<String> hashOf(PhoneNumber number) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal(number.e164().getBytes(StandardCharsets.US_ASCII));
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " not available", e);
        }
    }

    /** Why no number can be counted (by property name, never the value), or empty. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private static SecretKeySpec keyOf(byte[] secret) {
        return new SecretKeySpec(secret, HMAC);
    }
}
