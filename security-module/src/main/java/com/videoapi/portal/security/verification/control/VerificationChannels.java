package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.security.verification.boundary.Channel;
import com.videoapi.portal.security.verification.boundary.VerificationCall;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.logging.Logger;

/**
 * Chooses the code channel once, when the application starts: Vonage Verify when Vonage
 * credentials are configured, the development channel otherwise, and never the development channel
 * when credentials are present. One {@link VonageVerificationGateway} (one {@code VonageClient})
 * serves the whole application.
 *
 * <p>The chosen channel is wrapped in a {@link TimedVerificationGateway}, which reports every call
 * as a {@link VerificationCall} event for the metrics. {@link #channel()} and {@link #settings()}
 * tell the readiness check what was chosen, from what.
 */
@ApplicationScoped
public class VerificationChannels {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    Config config;

    @Inject
    DevelopmentVerificationGateway development;

    @Inject
    Event<VerificationCall> calls;

    private VonageSettings settings;
    private Channel channel;
    private VerificationGateway chosen;

    @PostConstruct
    void choose() {
        settings = VonageSettings.fromConfig(config);
        VerificationGateway gateway;
        if (settings.hasCredentials()) {
            gateway = new VonageVerificationGateway(settings);
            channel = Channel.VONAGE;
            LOG.info(() -> "Verification codes are sent by SMS through Vonage Verify (" + settings + ")");
        } else {
            gateway = development;
            channel = Channel.DEVELOPMENT;
            List<String> incomplete = settings.incompleteCredentials();
            LOG.warning(() -> "No Vonage credentials configured (vonage.api-key and vonage.api-secret, or"
                    + " vonage.application-id and vonage.private-key-path)"
                    + (incomplete.isEmpty() ? "" : ", only half a pair: " + String.join("; ", incomplete))
                    + ": verification codes are NOT sent by SMS; the development channel writes them to the log category "
                    + DevelopmentVerificationGateway.LOG_CATEGORY);
        }
        chosen = new TimedVerificationGateway(gateway, channel, calls::fire);
    }

    /** Chooses at start-up, so that the log says at once which channel is in use. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // instantiating this bean runs choose()
        chosen.getClass();
    }

    @Produces
    VerificationGateway gateway() {
        return chosen;
    }

    /** The channel chosen at start-up. */
    public Channel channel() {
        return channel;
    }

    /** The {@code vonage.*} settings as read at start-up, which the channel was chosen from. */
    public VonageSettings settings() {
        return settings;
    }
}
