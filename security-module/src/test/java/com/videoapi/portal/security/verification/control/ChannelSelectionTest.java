package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.security.verification.boundary.Channel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** {@code twofactor.channel} as a server reads it: the product's default, then what the operator sets. */
class ChannelSelectionTest {

    private static Map<String, String> productDefaults() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = ChannelSelection.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertNotNull(in, "security-module's defaults file");
            defaults.load(in);
        }
        Map<String, String> values = new HashMap<>();
        defaults.stringPropertyNames().forEach(name -> values.put(name, defaults.getProperty(name)));
        return values;
    }

    @Test
    void out_of_the_box_without_credentials_no_code_channel_is_used_not_the_log() throws IOException {
        ChannelSelection selection = ChannelSelection.from(new MapConfig(productDefaults()));

        assertEquals("vonage", selection.configured());
        assertEquals(Channel.NONE, selection.channel());
        assertEquals(1, selection.problems().size(), selection.problems().toString());
    }

    @Test
    void credentials_select_vonage_by_default() throws IOException {
        Map<String, String> server = productDefaults();
        server.put("vonage.api-key", "key-4711");
        server.put("vonage.api-secret", "s3cr3t");

        assertEquals(Channel.VONAGE, ChannelSelection.from(new MapConfig(server)).channel());
    }

    @Test
    void the_development_channel_only_when_the_operator_sets_it_with_or_without_credentials() throws IOException {
        Map<String, String> server = productDefaults();
        server.put("twofactor.channel", "development");
        assertEquals(Channel.DEVELOPMENT, ChannelSelection.from(new MapConfig(server)).channel());

        server.put("vonage.api-key", "key-4711");
        server.put("vonage.api-secret", "s3cr3t");
        assertEquals(Channel.DEVELOPMENT, ChannelSelection.from(new MapConfig(server)).channel());
    }

    @Test
    void an_empty_setting_hides_the_default_and_selects_no_channel() throws IOException {
        Map<String, String> server = productDefaults();
        server.put("twofactor.channel", "");

        ChannelSelection selection = ChannelSelection.from(new MapConfig(server));

        assertEquals(Channel.NONE, selection.channel());
        assertEquals("twofactor.channel is not set: set it to vonage (with Vonage credentials) or development",
                selection.problems().get(0));
    }
}
