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
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeChannelTest {

    @TempDir
    Path dir;

    private static final VonageSettings NO_CREDENTIALS = new VonageSettings(null, null, null, null, null, null, null);

    private static CodeChannel.Condition status(String twofactorChannel, VonageSettings settings) {
        return Channels.codeChannel(twofactorChannel, settings).condition();
    }

    @Test
    void the_default_vonage_without_credentials_is_no_channel_and_says_why() {
        CodeChannel codeChannel = Channels.codeChannel("vonage", NO_CREDENTIALS);
        CodeChannel.Condition status = codeChannel.condition();

        assertEquals(Channel.NONE, status.channel());
        assertFalse(codeChannel.canSend());
        assertEquals(List.of("twofactor.channel is vonage, but no Vonage credentials are set (vonage.api-key and"
                + " vonage.api-secret, or vonage.application-id and vonage.private-key-path): codes can't be sent"),
                status.problems());
        assertEquals("codes can't be sent: every code is refused", status.details().get("note"));
    }

    @Test
    void the_development_channel_runs_only_when_set_explicitly_and_then_has_no_problem() {
        CodeChannel codeChannel = Channels.codeChannel("development", NO_CREDENTIALS);
        CodeChannel.Condition status = codeChannel.condition();

        assertEquals(Channel.DEVELOPMENT, status.channel());
        assertTrue(codeChannel.canSend());
        assertEquals(List.of(), status.problems());
        assertEquals("no SMS is sent: codes are written to the log category com.videoapi.portal.security.development-codes",
                status.details().get("note"));
    }

    @Test
    void an_unknown_or_missing_channel_is_no_channel_never_the_development_one() {
        assertEquals(Channel.NONE, status("log", NO_CREDENTIALS).channel());
        assertEquals(List.of("twofactor.channel must be vonage or development, not 'log'"), status("log", NO_CREDENTIALS).problems());
        CodeChannel.Condition unset = status(null, new VonageSettings("key-4711", "s3cr3t", null, null, null, null, null));
        assertEquals(Channel.NONE, unset.channel());
        assertEquals(List.of("twofactor.channel is not set: set it to vonage (with Vonage credentials) or development"),
                unset.problems());
    }

    @Test
    void a_key_without_its_secret_is_a_problem_named_by_property_without_the_value() {
        CodeChannel.Condition status = status("vonage", new VonageSettings("key-4711", null, null, null, null, null, null));

        assertEquals(Channel.NONE, status.channel());
        assertTrue(status.problems().contains("vonage.api-key is set without vonage.api-secret"), status.problems().toString());
        assertFalse(status.toString().contains("key-4711"), status.toString());
    }

    @Test
    void vonage_with_key_and_secret_has_no_problem_and_shows_no_secret() {
        CodeChannel.Condition status = status("vonage", new VonageSettings("key-4711", "s3cr3t", null, null, null, null, null));

        assertEquals(Channel.VONAGE, status.channel());
        assertEquals(List.of(), status.problems());
        assertEquals(Channel.VONAGE, status("VONAGE ", new VonageSettings("key-4711", "s3cr3t", null, null, null, null, null)).channel());
        assertEquals("api key (Basic)", status.details().get("authentication"));
        assertFalse(status.toString().contains("s3cr3t"), status.toString());
    }

    @Test
    void an_application_whose_private_key_file_cannot_be_read_is_a_problem() throws IOException {
        Path key = Files.writeString(dir.resolve("vonage.key"), "-----BEGIN PRIVATE KEY-----");
        VonageSettings settings = new VonageSettings(null, null, "0f6a8c3e-2a1b-4c5d-9e8f-123456789abc", key.toString(),
                null, null, null);
        assertEquals(List.of(), status("vonage", settings).problems());

        Files.delete(key);
        CodeChannel.Condition status = status("vonage", settings);

        assertEquals(List.of("vonage.private-key-path does not name a readable file"), status.problems());
        assertEquals("application (JWT)", status.details().get("authentication"));
        assertFalse(status.toString().contains(key.toString()), "the path stays out of the status");
    }

    @Test
    void vonage_without_the_number_key_is_a_problem_no_code_is_sent() {
        CodeChannel codeChannel = Channels.codeChannel("vonage", new VonageSettings("key-4711", "secret-0815", null, null,
                "https://api.nexmo.com", null, null));
        codeChannel.numberHashes = NumberHashes.of(null, Channel.VONAGE);

        assertEquals(List.of("twofactor.number-key is not set: no code is sent"), codeChannel.condition().problems());
    }
}
