package com.videoapi.portal.it.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebAuthn authenticator in the test, for what a browser's authenticator will not do: answer a
 * page's ceremony options with a response an attacker chooses (replayed, another user's key, a counter
 * going backwards, a foreign origin), posted as the page's script would post it. One ES256 key pair,
 * attestation "none", user present and verified. It writes the response JSON of WebAuthn Level 3
 * (§5.1, {@code toJSON()}) and the CBOR of the attestation object itself (RFC 8949, the few types
 * WebAuthn uses).
 */
public final class SoftwareAuthenticator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\":\"([^\"]+)\"");
    private static final Pattern RP_ID = Pattern.compile("\"(?:rpId|rp\":\\{\"id)\":\"([^\"]+)\"");

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private final String origin;
    private long counter;

    /** @param origin the origin the "browser" claims in its client data, e.g. {@code http://localhost:8180} */
    public SoftwareAuthenticator(String origin) {
        this.origin = origin.replaceAll("/+$", "");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** The answer to a page's creation options: a new credential, as the page's script would post it. */
    public String register(String creationOptions) {
        String rpId = find(RP_ID, creationOptions);
        byte[] clientData = clientData("webauthn.create", find(CHALLENGE, creationOptions));
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x45); // user present, user verified, attested credential data
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        authData.writeBytes(new byte[16]); // AAGUID: none
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Cbor attestation = new Cbor().map(3).text("fmt").text("none").text("attStmt").map(0)
                .text("authData").bytes(authData.toByteArray());
        return "{\"id\":\"" + id() + "\",\"rawId\":\"" + id() + "\",\"type\":\"public-key\",\"response\":{"
                + "\"clientDataJSON\":\"" + BASE64URL.encodeToString(clientData) + "\","
                + "\"attestationObject\":\"" + BASE64URL.encodeToString(attestation.toBytes()) + "\","
                + "\"transports\":[\"internal\"]},\"clientExtensionResults\":{}}";
    }

    /** The answer to a page's request options, its signature counter one above the last. */
    public String signIn(String requestOptions) {
        return signIn(requestOptions, ++counter);
    }

    /** The answer to a page's request options with this signature counter (a clone's, when not above the last). */
    public String signIn(String requestOptions, long signatureCounter) {
        String rpId = find(RP_ID, requestOptions);
        byte[] clientData = clientData("webauthn.get", find(CHALLENGE, requestOptions));
        ByteBuffer authData = ByteBuffer.allocate(37);
        authData.put(sha256(rpId.getBytes(StandardCharsets.UTF_8))).put((byte) 0x05).putInt((int) signatureCounter);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authData.array());
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return "{\"id\":\"" + id() + "\",\"rawId\":\"" + id() + "\",\"type\":\"public-key\",\"response\":{"
                + "\"clientDataJSON\":\"" + BASE64URL.encodeToString(clientData) + "\","
                + "\"authenticatorData\":\"" + BASE64URL.encodeToString(authData.array()) + "\","
                + "\"signature\":\"" + BASE64URL.encodeToString(signature) + "\"},\"clientExtensionResults\":{}}";
    }

    public String id() {
        return BASE64URL.encodeToString(credentialId);
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    /** The public key as COSE_Key (RFC 9053): EC2, ES256, P-256, x, y. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        return new Cbor().map(5).integer(1).integer(2).integer(3).integer(-7).integer(-1).integer(1)
                .integer(-2).bytes(coordinate(key.getW().getAffineX()))
                .integer(-3).bytes(coordinate(key.getW().getAffineY())).toBytes();
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static String find(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("Not in the ceremony options (" + pattern + "): " + json);
        }
        return matcher.group(1);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough CBOR: maps, text and byte strings, integers. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Cbor bytes(byte[] bytes) {
            head(2, bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Cbor integer(long value) {
            return value >= 0 ? head(0, value) : head(1, -1 - value);
        }

        private Cbor head(int major, long value) {
            if (value < 24) {
                out.write(major << 5 | (int) value);
            } else if (value < 256) {
                out.write(major << 5 | 24);
                out.write((int) value);
            } else {
                out.write(major << 5 | 25);
                out.write((int) (value >> 8));
                out.write((int) value & 0xff);
            }
            return this;
        }

        byte[] toBytes() {
            return Arrays.copyOf(out.toByteArray(), out.size());
        }
    }
}
