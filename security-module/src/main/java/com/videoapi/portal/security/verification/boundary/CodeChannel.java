package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.DevelopmentVerificationGateway;
import com.videoapi.portal.security.verification.control.NumberHashes;
import com.videoapi.portal.security.verification.control.VerificationChannels;
import com.videoapi.portal.security.verification.control.VonageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code channel chosen at start-up, as monitoring sees it: which one, and whether its
 * configuration is complete.
 *
 * <ul>
 *   <li>half a pair of Vonage credentials ({@code vonage.api-key} without {@code vonage.api-secret},
 *       {@code vonage.application-id} without {@code vonage.private-key-path}, or the other way
 *       round) is a problem: someone meant to use Vonage, and with no complete pair the portal fell
 *       back to the development channel, which sends no SMS;</li>
 *   <li>application credentials in use and the private key file not readable now is a problem: the
 *       Vonage client read it at start-up, but the next start will fail;</li>
 *   <li>no {@code twofactor.number-key} (or too short a one) with Vonage is a problem: no code is sent
 *       ({@link NumberHashes});</li>
 *   <li>the development channel chosen on purpose (no {@code vonage.*} credential at all) is fine:
 *       a development server needs no SMS.</li>
 * </ul>
 * The condition names the channel, how the portal authenticates to Vonage and each problem by
 * property name, never a credential or the key's path. It looks at the configuration only, never
 * at Vonage itself.
 */
@ApplicationScoped
public class CodeChannel {

    /** What the channel is and what is wrong with its configuration (empty: nothing). */
    public record Condition(Channel channel, Map<String, String> details, List<String> problems) {
    }

    @Inject
    VerificationChannels channels;

    @Inject
    NumberHashes numberHashes;

    public Channel channel() {
        return channels.channel();
    }

    public Condition condition() {
        Channel channel = channels.channel();
        VonageSettings settings = channels.settings();
        List<String> problems = new ArrayList<>(settings.incompleteCredentials());
        // Without the key the send budgets cannot count numbers, so no code goes out (fail closed).
        numberHashes.problem().ifPresent(problems::add);
        Map<String, String> details;
        if (channel == Channel.VONAGE) {
            details = Map.of("authentication", settings.hasApplicationCredentials() ? "application (JWT)" : "api key (Basic)",
                    "apiBaseUrl", settings.apiBaseUrl());
            if (settings.hasApplicationCredentials() && !readableFile(settings.privateKeyPath())) {
                problems.add("vonage.private-key-path does not name a readable file");
            }
        } else {
            details = Map.of("note", "no SMS is sent: codes are written to the log category "
                    + DevelopmentVerificationGateway.LOG_CATEGORY);
        }
        return new Condition(channel, details, List.copyOf(problems));
    }

    private static boolean readableFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path)) && Files.isReadable(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
