package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.security.verification.control.VerificationChannels;
import com.videoapi.portal.security.verification.control.VonageSettings;

/** What {@link VerificationChannels} would have chosen at start-up, for unit tests. */
final class Channels extends VerificationChannels {

    private final Channel channel;
    private final VonageSettings settings;

    Channels(Channel channel, VonageSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public VonageSettings settings() {
        return settings;
    }
}
