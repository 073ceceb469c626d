package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.health.ChannelStatus;
import com.videoapi.portal.health.VerificationChannelReadiness;
import com.videoapi.portal.security.verification.control.DevelopmentVerificationGateway;
import com.videoapi.portal.security.verification.control.VerificationChannels;
import com.videoapi.portal.security.verification.control.VerificationChannels.Channel;
import com.videoapi.portal.security.verification.control.VonageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands health-module's {@link VerificationChannelReadiness} the state of the code channel chosen
 * at start-up, which it asks at each probe. The channel is ready unless its configuration is
 * incomplete:
 *
 * <ul>
 *   <li>half a pair of Vonage credentials ({@code vonage.api-key} without {@code vonage.api-secret},
 *       {@code vonage.application-id} without {@code vonage.private-key-path}, or the other way
 *       round): someone meant to use Vonage, and with no complete pair the portal fell back to the
 *       development channel, which sends no SMS;</li>
 *   <li>application credentials in use and the private key file not readable now: the Vonage client
 *       read it at start-up, but the next start will fail;</li>
 *   <li>the development channel chosen on purpose (no {@code vonage.*} credential at all) is ready:
 *       a development server needs no SMS.</li>
 * </ul>
 * The status names the channel, how the portal authenticates to Vonage and each problem by property
 * name, never a credential or the key's path. It checks the configuration only, never Vonage itself:
 * Vonage slow or down is the same for every node and must not take them all out of service (the
 * {@code portal.verification.errors} meter shows it).
 */
@ApplicationScoped
public class VerificationChannelHealth {

    @Inject
    VerificationChannels channels;

    @Inject
    @Readiness
    VerificationChannelReadiness readiness;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        readiness.watch(this::status);
    }

    ChannelStatus status() {
        Channel channel = channels.channel();
        VonageSettings settings = channels.settings();
        List<String> problems = new ArrayList<>(settings.incompleteCredentials());
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
        return new ChannelStatus(channel.tag(), details, problems);
    }

    private static boolean readableFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path)) && Files.isReadable(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
