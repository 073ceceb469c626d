package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.NumberHashes;
import com.videoapi.portal.security.verification.control.VonageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CodeChannelTest {

    @TempDir
    Path dir;

    private static CodeChannel.Condition status(Channel channel, VonageSettings settings) {
        return Channels.codeChannel(channel, settings).condition();
    }

    @Test
    void the_development_channel_chosen_on_purpose_has_no_problem_and_says_so() {
        CodeChannel.Condition status = status(Channel.DEVELOPMENT, new VonageSettings(null, null, null, null, null, null, null));

        assertEquals(Channel.DEVELOPMENT, status.channel());
        assertEquals(List.of(), status.problems());
        assertEquals("no SMS is sent: codes are written to the log category com.videoapi.portal.security.development-codes",
                status.details().get("note"));
    }

    @Test
    void a_key_without_its_secret_is_a_problem_named_by_property_without_the_value() {
        CodeChannel.Condition status = status(Channel.DEVELOPMENT, new VonageSettings("key-4711", null, null, null, null, null, null));

        assertEquals(List.of("vonage.api-key is set without vonage.api-secret"), status.problems());
        assertFalse(status.toString().contains("key-4711"), status.toString());
    }

    @Test
    void vonage_with_key_and_secret_has_no_problem_and_shows_no_secret() {
        CodeChannel.Condition status = status(Channel.VONAGE, new VonageSettings("key-4711", "s3cr3t", null, null, null, null, null));

        assertEquals(Channel.VONAGE, status.channel());
        assertEquals(List.of(), status.problems());
        assertEquals("api key (Basic)", status.details().get("authentication"));
        assertFalse(status.toString().contains("s3cr3t"), status.toString());
    }

    @Test
    void an_application_whose_private_key_file_cannot_be_read_is_a_problem() throws IOException {
        Path key = Files.writeString(dir.resolve("vonage.key"), "-----BEGIN PRIVATE KEY-----");
        VonageSettings settings = new VonageSettings(null, null, "0f6a8c3e-2a1b-4c5d-9e8f-123456789abc", key.toString(),
                null, null, null);
        assertEquals(List.of(), status(Channel.VONAGE, settings).problems());

        Files.delete(key);
        CodeChannel.Condition status = status(Channel.VONAGE, settings);

        assertEquals(List.of("vonage.private-key-path does not name a readable file"), status.problems());
        assertEquals("application (JWT)", status.details().get("authentication"));
        assertFalse(status.toString().contains(key.toString()), "the path stays out of the status");
    }

    @Test
    void vonage_without_the_number_key_is_a_problem_no_code_is_sent() {
        CodeChannel codeChannel = Channels.codeChannel(Channel.VONAGE, new VonageSettings("key-4711", "secret-0815", null, null,
                "https://api.nexmo.com", null, null));
        codeChannel.numberHashes = NumberHashes.of(null, Channel.VONAGE);

        assertEquals(List.of("twofactor.number-key is not set: no code is sent"), codeChannel.condition().problems());
    }
}
