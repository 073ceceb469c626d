package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.security.verification.boundary.Channel;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;

/**
 * Which code channel the configuration selects, and why none when none can be used.
 *
 * <p>{@code twofactor.channel} names it: {@code vonage} (the default) or {@code development}. The
 * development channel writes codes to the log, so it runs only when set explicitly: Vonage without
 * credentials is {@link Channel#NONE}, never the development channel, and so is a value the portal
 * does not know. Under {@code NONE} the portal still starts; it refuses every code and its readiness
 * is DOWN with the {@link #problems()}.
 *
 * @param channel    the channel to use
 * @param configured {@code twofactor.channel} as set (stripped), or null when it is not set
 * @param settings   the {@code vonage.*} settings
 * @param problems   why no channel can be used, or what is wrong with Vonage's credentials, by
 *                   property name and never with a value; empty when nothing is
 */
public record ChannelSelection(Channel channel, String configured, VonageSettings settings, List<String> problems) {

    public static final String SETTING = "twofactor.channel";

    public ChannelSelection {
        problems = List.copyOf(problems);
    }

    /**
     * @throws IllegalArgumentException when a {@code vonage.*} setting is unusable (see {@link VonageSettings})
     */
    public static ChannelSelection from(Config config) {
        String configured = config.getOptionalValue(SETTING, String.class).map(String::strip).orElse(null);
        return of(configured, VonageSettings.fromConfig(config));
    }

    public static ChannelSelection of(String configured, VonageSettings settings) {
        Channel asked = Channel.named(configured).orElse(null);
        if (asked == null) {
            return new ChannelSelection(Channel.NONE, configured, settings, List.of(configured == null
                    ? SETTING + " is not set: set it to vonage (with Vonage credentials) or development"
                    : SETTING + " must be vonage or development, not '" + configured + "'"));
        }
        if (asked == Channel.DEVELOPMENT) {
            // Chosen on purpose: Vonage's credentials, whole or half, are not used.
            return new ChannelSelection(Channel.DEVELOPMENT, configured, settings, List.of());
        }
        List<String> problems = new ArrayList<>();
        if (!settings.hasCredentials()) {
            problems.add(SETTING + " is vonage, but no Vonage credentials are set (vonage.api-key and vonage.api-secret,"
                    + " or vonage.application-id and vonage.private-key-path): codes can't be sent");
        }
        // A half pair beside a complete one is ignored, but still a mistake worth fixing.
        problems.addAll(settings.incompleteCredentials());
        return new ChannelSelection(settings.hasCredentials() ? Channel.VONAGE : Channel.NONE, configured, settings, problems);
    }
}
