package com.videoapi.portal.security.verification.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link VonageSettings} fills absent values with its constants when built outside a server (tests);
 * on a server the defaults come from the module's defaults file. Both must say the same.
 */
class VonageDefaultsTest {

    @Test
    void the_defaults_file_and_the_settings_agree() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = VonageSettings.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertNotNull(in, "security-module's defaults file");
            defaults.load(in);
        }
        assertAll(
                () -> assertEquals(VonageSettings.DEFAULT_API_BASE_URL, defaults.getProperty("vonage.api-base-url")),
                () -> assertEquals(VonageSettings.DEFAULT_BRAND, defaults.getProperty("vonage.brand")),
                () -> assertEquals(VonageSettings.DEFAULT_TIMEOUT, Duration.parse(defaults.getProperty("vonage.timeout"))));
    }
}
