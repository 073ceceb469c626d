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
 * The code channel chosen at start-up, as monitoring and {@link Verifications} see it: which one,
 * whether it can send codes, and whether its configuration is complete.
 *
 * <ul>
 *   <li>no channel ({@link Channel#NONE}: {@code twofactor.channel} is {@code vonage}, the default,
 *       without Vonage credentials, or a value the portal does not know) is a problem: every code is
 *       refused until an operator sets the credentials, or {@code twofactor.channel=development} on a
 *       development server;</li>
 *   <li>half a pair of Vonage credentials ({@code vonage.api-key} without {@code vonage.api-secret},
 *       {@code vonage.application-id} without {@code vonage.private-key-path}, or the other way
 *       round) beside Vonage's is a problem: someone meant to set them;</li>
 *   <li>application credentials in use and the private key file not readable now is a problem: the
 *       Vonage client read it at start-up, but the next start will fail;</li>
 *   <li>no {@code twofactor.number-key} (or too short a one) with Vonage is a problem: no code is sent
 *       ({@link NumberHashes});</li>
 *   <li>the development channel, which runs only when set explicitly, is fine: a development server
 *       needs no SMS.</li>
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

    /** Whether any code can be sent: false under {@link Channel#NONE}. */
    public boolean canSend() {
        return channels.channel() != Channel.NONE;
    }

    public Condition condition() {
        Channel channel = channels.channel();
        VonageSettings settings = channels.settings();
        List<String> problems = new ArrayList<>(channels.problems());
        // Without the key the send budgets cannot count numbers, so no code goes out (fail closed).
        numberHashes.problem().ifPresent(problems::add);
        Map<String, String> details = switch (channel) {
            case VONAGE -> {
                if (settings.hasApplicationCredentials() && !readableFile(settings.privateKeyPath())) {
                    problems.add("vonage.private-key-path does not name a readable file");
                }
                yield Map.of("authentication", settings.hasApplicationCredentials() ? "application (JWT)" : "api key (Basic)",
                        "apiBaseUrl", settings.apiBaseUrl());
            }
            case DEVELOPMENT -> Map.of("note", "no SMS is sent: codes are written to the log category "
                    + DevelopmentVerificationGateway.LOG_CATEGORY);
            case NONE -> Map.of("note", "codes can't be sent: every code is refused");
        };
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
