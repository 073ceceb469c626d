package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.NumberHashes;
import com.videoapi.portal.security.verification.control.VerificationChannels;
import com.videoapi.portal.security.verification.control.VonageSettings;

/** What {@link VerificationChannels} would have chosen at start-up, for unit tests. */
public final class Channels extends VerificationChannels {

    /** A number key as an operator sets it (twofactor.number-key). */
    public static final String NUMBER_KEY = "a test key of at least thirty-two characters";

    private final Channel channel;
    private final VonageSettings settings;

    Channels(Channel channel, VonageSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    /** A {@link CodeChannel} over this choice. */
    public static CodeChannel codeChannel(Channel channel, VonageSettings settings) {
        CodeChannel codeChannel = new CodeChannel();
        codeChannel.channels = new Channels(channel, settings);
        codeChannel.numberHashes = NumberHashes.of(NUMBER_KEY, channel);
        return codeChannel;
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
