package com.videoapi.portal.security.verification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Logger;

/**
 * Chooses the code channel once, when the application starts: Vonage Verify when Vonage
 * credentials are configured, the development channel otherwise, and never the development channel
 * when credentials are present. One {@link VonageVerificationGateway} (one {@code VonageClient})
 * serves the whole application.
 */
@ApplicationScoped
public class VerificationChannels {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    Config config;

    @Inject
    DevelopmentVerificationGateway development;

    private VerificationGateway chosen;

    @PostConstruct
    void choose() {
        VonageSettings settings = VonageSettings.fromConfig(config);
        if (settings.hasCredentials()) {
            chosen = new VonageVerificationGateway(settings);
            LOG.info(() -> "Verification codes are sent by SMS through Vonage Verify (" + settings + ")");
        } else {
            chosen = development;
            LOG.warning(() -> "No Vonage credentials configured (vonage.api-key and vonage.api-secret, or"
                    + " vonage.application-id and vonage.private-key-path): verification codes are NOT sent by"
                    + " SMS; the development channel writes them to the log category "
                    + DevelopmentVerificationGateway.LOG_CATEGORY);
        }
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
}
