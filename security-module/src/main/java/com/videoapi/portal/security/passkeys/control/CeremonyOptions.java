package com.videoapi.portal.security.passkeys.control;

import java.util.Base64;
import java.util.List;

/**
 * The options of a WebAuthn ceremony as the page hands them to the browser's script: the JSON form of
 * {@code PublicKeyCredentialCreationOptions} and {@code PublicKeyCredentialRequestOptions} (WebAuthn
 * Level 3, §5.1.8), binary members in base64url. The script turns them into what
 * {@code navigator.credentials.create/get} takes.
 *
 * <p>A second factor: the password has named the user, so registration excludes the user's passkeys
 * (one authenticator, one passkey) and sign-in allows only them. User verification is preferred, not
 * required (a security key without a PIN still proves possession), and no attestation is asked for
 * (no list of allowed authenticator models to check it against).
 */
public final class CeremonyOptions {

    /** How long the browser waits for the person to use the authenticator. */
    static final long TIMEOUT_MILLIS = 120_000;

    /** ES256, then RS256 (Windows Hello): what every authenticator offers, in the order we prefer. */
    static final List<Integer> ALGORITHMS = List.of(-7, -257);

    private CeremonyOptions() {
    }

    public static String creation(String rpId, String rpName, byte[] userHandle, String userName, String displayName,
                                  byte[] challenge, List<byte[]> excludedCredentials) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"rp\":{\"id\":").append(string(rpId)).append(",\"name\":").append(string(rpName)).append('}');
        json.append(",\"user\":{\"id\":").append(binary(userHandle)).append(",\"name\":").append(string(userName))
                .append(",\"displayName\":").append(string(displayName)).append('}');
        json.append(",\"challenge\":").append(binary(challenge));
        json.append(",\"pubKeyCredParams\":[");
        for (int i = 0; i < ALGORITHMS.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"public-key\",\"alg\":").append(ALGORITHMS.get(i)).append('}');
        }
        json.append("],\"timeout\":").append(TIMEOUT_MILLIS);
        json.append(",\"excludeCredentials\":").append(descriptors(excludedCredentials));
        json.append(",\"authenticatorSelection\":{\"residentKey\":\"preferred\",\"requireResidentKey\":false,")
                .append("\"userVerification\":\"preferred\"}");
        json.append(",\"attestation\":\"none\"}");
        return json.toString();
    }

    public static String request(String rpId, byte[] challenge, List<byte[]> allowedCredentials) {
        return "{\"challenge\":" + binary(challenge) + ",\"rpId\":" + string(rpId) + ",\"timeout\":" + TIMEOUT_MILLIS
                + ",\"allowCredentials\":" + descriptors(allowedCredentials) + ",\"userVerification\":\"preferred\"}";
    }

    private static String descriptors(List<byte[]> credentialIds) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < credentialIds.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"public-key\",\"id\":").append(binary(credentialIds.get(i))).append('}');
        }
        return json.append(']').toString();
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String binary(byte[] bytes) {
        return '"' + base64Url(bytes) + '"';
    }

    /** A JSON string: quotes, backslashes and control characters escaped (a name is the person's). */
    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
