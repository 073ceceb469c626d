package com.videoapi.portal.security.passkeys.control;

import com.webauthn4j.converter.util.ObjectConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CeremonyOptionsTest {

    private static final byte[] CHALLENGE = "thirty-two bytes of a challenge!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HANDLE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) 0xff};
    private static final byte[] KEY_A = {(byte) 0xfb, (byte) 0xff, 0x3e};

    private static JsonNode parse(String json) {
        return new ObjectConverter().getJsonMapper().readTree(json);
    }

    private static byte[] decoded(JsonNode node) {
        return Base64.getUrlDecoder().decode(node.asString());
    }

    @Test
    void creation_options_name_the_party_and_the_user_and_exclude_the_users_passkeys() {
        JsonNode options = parse(CeremonyOptions.creation("portal.example.com", "Video API", HANDLE, "ada@example.com",
                "Ada", CHALLENGE, List.of(KEY_A)));

        assertEquals("portal.example.com", options.get("rp").get("id").asString());
        assertEquals("Video API", options.get("rp").get("name").asString());
        assertArrayEquals(HANDLE, decoded(options.get("user").get("id")));
        assertEquals("ada@example.com", options.get("user").get("name").asString());
        assertArrayEquals(CHALLENGE, decoded(options.get("challenge")));
        assertEquals(-7, options.get("pubKeyCredParams").get(0).get("alg").asInt(), "ES256 first");
        assertEquals(-257, options.get("pubKeyCredParams").get(1).get("alg").asInt());
        assertArrayEquals(KEY_A, decoded(options.get("excludeCredentials").get(0).get("id")));
        assertEquals("preferred", options.get("authenticatorSelection").get("userVerification").asString());
        assertEquals("none", options.get("attestation").asString());
        String text = options.toString();
        assertFalse(text.contains("=") || text.contains("+") || text.contains("/"), "base64url without padding: " + text);
    }

    @Test
    void request_options_allow_only_the_users_passkeys_and_prefer_user_verification() {
        JsonNode options = parse(CeremonyOptions.request("localhost", CHALLENGE, List.of(KEY_A, HANDLE)));

        assertEquals("localhost", options.get("rpId").asString());
        assertArrayEquals(CHALLENGE, decoded(options.get("challenge")));
        assertEquals(2, options.get("allowCredentials").size());
        assertArrayEquals(HANDLE, decoded(options.get("allowCredentials").get(1).get("id")));
        assertEquals("preferred", options.get("userVerification").asString());
    }

    @Test
    void a_persons_name_cannot_break_out_of_the_json_or_the_html_attribute() {
        String name = "Ada \"<script>\" \\ \n & Co";
        String json = CeremonyOptions.creation("localhost", "Portal", HANDLE, "ada@example.com", name, CHALLENGE, List.of());

        assertEquals(name, parse(json).get("user").get("displayName").asString());
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    }
}
