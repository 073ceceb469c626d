package com.videoapi.portal.security.passkeys.control;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This portal as a WebAuthn relying party: its RP ID ({@code webauthn.rp-id}, the host name or a
 * registrable suffix of it), the origins its pages are served from ({@code webauthn.origins}), and the
 * checks of a registration or an assertion, which webauthn4j makes (client data type, challenge,
 * origin, RP ID hash, user presence, signature). What a check cannot know, this portal decides: whose
 * credential it is ({@code Passkeys}) and the signature counter ({@link SignatureCounter}).
 */
@ApplicationScoped
public class RelyingParty {

    /** A checked registration: what to store of the new credential. */
    public record NewCredential(byte[] credentialId, byte[] attestedCredentialData, long signCount) {
    }

    /** A credential as stored, for checking an assertion of it. */
    public record StoredCredential(byte[] attestedCredentialData, long signCount) {
    }

    /** A ceremony's response that is malformed or fails a check; the message says which, for the log. */
    public static final class Refused extends Exception {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    @ConfigProperty(name = "webauthn.rp-id")
    String rpId;

    @Inject
    @ConfigProperty(name = "webauthn.rp-name")
    String rpName;

    @Inject
    @ConfigProperty(name = "webauthn.origins")
    List<String> origins;

    // Both thread-safe once built. "Non-strict": attestation "none" is all that is asked for, so no
    // attestation trust anchors are configured (webauthn4j's documentation, "WebAuthnManager").
    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);

    public String rpId() {
        return rpId;
    }

    public String rpName() {
        return rpName;
    }

    /** The configured origins, as browsers write them: scheme, host and port, no path or final slash. */
    public Set<String> origins() {
        return origins(origins);
    }

    static Set<String> origins(List<String> configured) {
        return configured.stream().map(String::trim).filter(o -> !o.isEmpty())
                .map(o -> o.replaceAll("/+$", "")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public NewCredential verifyRegistration(byte[] challenge, String responseJson) throws Refused {
        try {
            RegistrationData data = webAuthn.parseRegistrationResponseJSON(responseJson);
            webAuthn.verify(data, new RegistrationParameters(serverProperty(challenge), false, true));
            AuthenticatorData<?> authenticatorData = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData credential = authenticatorData.getAttestedCredentialData();
            return new NewCredential(credential.getCredentialId(),
                    new AttestedCredentialDataConverter(converter).convert(credential), authenticatorData.getSignCount());
        } catch (RuntimeException failed) {
            throw new Refused("registration refused: " + failed, failed);
        }
    }

    /** The credential id an assertion names, before any check; empty when it names none readable. */
    public Optional<byte[]> credentialIdOf(String responseJson) {
        try {
            return Optional.ofNullable(webAuthn.parseAuthenticationResponseJSON(responseJson).getCredentialId());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Checks an assertion of {@code stored} over {@code challenge}; returns the signature counter it
     * signed. The counter is compared here with none (webauthn4j is given zero): only a counter whose
     * signature was checked may count as an authenticator's clone ({@link SignatureCounter}).
     */
    public long verifyAssertion(byte[] challenge, String responseJson, StoredCredential stored) throws Refused {
        try {
            AuthenticationData data = webAuthn.parseAuthenticationResponseJSON(responseJson);
            AttestedCredentialData credential = new AttestedCredentialDataConverter(converter).convert(stored.attestedCredentialData());
            if (!Arrays.equals(credential.getCredentialId(), data.getCredentialId())) {
                throw new Refused("assertion of another credential", null);
            }
            var record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null, 0,
                    credential, null, null, null, null);
            webAuthn.verify(data, new AuthenticationParameters(serverProperty(challenge), record,
                    List.of(credential.getCredentialId()), false, true));
            return data.getAuthenticatorData().getSignCount();
        } catch (RuntimeException failed) {
            throw new Refused("assertion refused: " + failed, failed);
        }
    }

    private ServerProperty serverProperty(byte[] challenge) {
        return ServerProperty.builder()
                .origins(origins().stream().map(Origin::new).collect(Collectors.toSet()))
                .rpId(rpId)
                .challenge(new DefaultChallenge(challenge))
                .build();
    }

    public static byte[] fromBase64Url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
