package com.videoapi.portal.security.verification.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VonageSettingsTest {

    private static VonageSettings from(Map<String, String> properties) {
        return VonageSettings.fromConfig(new MapConfig(properties));
    }

    @Test
    void without_properties_the_defaults_apply_and_there_are_no_credentials() {
        VonageSettings settings = from(Map.of());

        assertEquals("https://api.nexmo.com", settings.apiBaseUrl());
        assertEquals("Video API", settings.brand());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertNull(settings.apiKey());
        assertFalse(settings.hasCredentials());
    }

    @Test
    void every_property_is_read() {
        VonageSettings settings = from(Map.of(
                "vonage.api-key", "key1",
                "vonage.api-secret", "secret1",
                "vonage.application-id", "0f6a8c3e-2a1b-4c5d-9e8f-123456789abc",
                "vonage.private-key-path", "/etc/portal/vonage.key",
                "vonage.api-base-url", "http://127.0.0.1:9999",
                "vonage.brand", "Acme Video",
                "vonage.timeout", "PT0.3S"));

        assertEquals(new VonageSettings("key1", "secret1", "0f6a8c3e-2a1b-4c5d-9e8f-123456789abc",
                "/etc/portal/vonage.key", "http://127.0.0.1:9999", "Acme Video", Duration.ofMillis(300)), settings);
    }

    @Test
    void the_timeout_may_be_iso_8601_or_whole_seconds() {
        assertEquals(Duration.ofSeconds(10), from(Map.of("vonage.timeout", "PT10S")).timeout());
        assertEquals(Duration.ofSeconds(7), from(Map.of("vonage.timeout", "7")).timeout());
        assertEquals(Duration.ofMillis(300), from(Map.of("vonage.timeout", "PT0.3S")).timeout());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("vonage.timeout", "ten seconds")));
        assertTrue(refused.getMessage().contains("vonage.timeout"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("vonage.timeout", "0")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("vonage.timeout", "PT-5S")));
    }

    @Test
    void a_brand_of_eighteen_characters_is_accepted_and_nineteen_refused() {
        assertEquals("a".repeat(18), from(Map.of("vonage.brand", "a".repeat(18))).brand());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new VonageSettings(null, null, null, null, null, "Video API Platform X", null));
        assertTrue(refused.getMessage().contains("vonage.brand") && refused.getMessage().contains("18"),
                refused.getMessage());
    }

    @Test
    void a_brand_with_characters_that_verify_refuses_is_refused_here() {
        assertThrows(IllegalArgumentException.class,
                () -> new VonageSettings(null, null, null, null, null, "Video: API", null));
    }

    @Test
    void the_base_url_must_be_an_http_url() {
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("vonage.api-base-url", "api.nexmo.com")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("vonage.api-base-url", "ftp://api.nexmo.com")));
        assertEquals("https://api-eu.vonage.com", from(Map.of("vonage.api-base-url", "https://api-eu.vonage.com")).apiBaseUrl());
    }

    @Test
    void credentials_are_a_complete_pair_of_non_blank_values() {
        assertTrue(from(Map.of("vonage.api-key", "k", "vonage.api-secret", "s")).hasCredentials());
        assertTrue(from(Map.of("vonage.application-id", "a", "vonage.private-key-path", "/p")).hasCredentials());

        assertFalse(from(Map.of("vonage.api-key", "k")).hasCredentials());
        assertFalse(from(Map.of("vonage.api-secret", "s")).hasCredentials());
        assertFalse(from(Map.of("vonage.api-key", "k", "vonage.api-secret", "   ")).hasCredentials());
        assertFalse(from(Map.of("vonage.application-id", "a")).hasCredentials());
        assertFalse(from(Map.of("vonage.private-key-path", "/p")).hasCredentials());
        assertFalse(from(Map.of("vonage.api-key", "k", "vonage.private-key-path", "/p")).hasCredentials());
        assertFalse(new VonageSettings(" ", "s", "\t", "/p", null, null, null).hasCredentials());
    }

    @Test
    void half_pairs_are_named_by_property_without_their_values() {
        assertEquals(List.of(), from(Map.of()).incompleteCredentials());
        assertEquals(List.of(), from(Map.of("vonage.api-key", "k", "vonage.api-secret", "s")).incompleteCredentials());
        assertEquals(List.of(), from(Map.of("vonage.application-id", "a", "vonage.private-key-path", "/p")).incompleteCredentials());

        assertEquals(List.of("vonage.api-key is set without vonage.api-secret"),
                from(Map.of("vonage.api-key", "k", "vonage.api-secret", " ")).incompleteCredentials());
        assertEquals(List.of("vonage.api-secret is set without vonage.api-key"),
                from(Map.of("vonage.api-secret", "s3cr3t")).incompleteCredentials());
        assertEquals(List.of("vonage.application-id is set without vonage.private-key-path"),
                from(Map.of("vonage.application-id", "a")).incompleteCredentials());
        // Beside a complete pair too: the other half pair is still a mistake.
        assertEquals(List.of("vonage.private-key-path is set without vonage.application-id"),
                from(Map.of("vonage.api-key", "k", "vonage.api-secret", "s", "vonage.private-key-path", "/p"))
                        .incompleteCredentials());
    }

    @Test
    void to_string_hides_the_secret_and_the_key_path() {
        String shown = new VonageSettings("key1", "s3cr3t-value", "app-id", "/etc/portal/vonage.key",
                null, null, null).toString();

        assertFalse(shown.contains("s3cr3t-value"), shown);
        assertFalse(shown.contains("/etc/portal/vonage.key"), shown);
        assertTrue(shown.contains("apiSecret=***") && shown.contains("privateKeyPath=***"), shown);
        assertTrue(shown.contains("key1") && shown.contains("Video API"), shown);
    }
}
