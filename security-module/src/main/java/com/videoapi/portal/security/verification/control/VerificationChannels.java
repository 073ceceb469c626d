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
 * Chooses the code channel once, when the application starts, as {@code twofactor.channel} says
 * ({@link ChannelSelection}): Vonage Verify (the default), or the development channel when set
 * explicitly. Vonage without credentials is no channel at all ({@link NoVerificationGateway}): the
 * portal starts, refuses every code and reports why in readiness, rather than falling back to the
 * log. One {@link VonageVerificationGateway} (one {@code VonageClient}) serves the whole application.
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

    private ChannelSelection selection;
    private VerificationGateway chosen;

    @PostConstruct
    void choose() {
        selection = ChannelSelection.from(config);
        VonageSettings settings = selection.settings();
        VerificationGateway gateway = switch (selection.channel()) {
            case VONAGE -> {
                LOG.info(() -> "Verification codes are sent by SMS through Vonage Verify (" + settings + ")");
                yield new VonageVerificationGateway(settings);
            }
            case DEVELOPMENT -> {
                LOG.warning(() -> "twofactor.channel is development: verification codes are NOT sent by SMS; the"
                        + " development channel writes them to the log category " + DevelopmentVerificationGateway.LOG_CATEGORY
                        + (settings.hasCredentials() ? " (the Vonage credentials that are set are not used)" : ""));
                yield development;
            }
            case NONE -> {
                LOG.severe(() -> "No code channel: " + String.join("; ", selection.problems())
                        + ". The portal refuses every code (\"Codes can't be sent right now\") and its readiness check"
                        + " verification-channel is DOWN until this is fixed and the portal restarted.");
                yield new NoVerificationGateway();
            }
        };
        chosen = new TimedVerificationGateway(gateway, selection.channel(), calls::fire);
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

    /** The channel chosen at start-up; {@link Channel#NONE} when none can be used. */
    public Channel channel() {
        return selection.channel();
    }

    /** The {@code vonage.*} settings as read at start-up, which the channel was chosen from. */
    public VonageSettings settings() {
        return selection.settings();
    }

    /** Why no channel can be used, or what is wrong with the credentials, as found at start-up; empty when nothing is. */
    public List<String> problems() {
        return selection.problems();
    }
}
