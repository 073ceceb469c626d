package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.NumberHashes;
import com.videoapi.portal.security.verification.control.ChannelSelection;
import com.videoapi.portal.security.verification.control.VerificationChannels;
import com.videoapi.portal.security.verification.control.VonageSettings;

import java.util.List;

/** What {@link VerificationChannels} would have chosen at start-up, for unit tests. */
public final class Channels extends VerificationChannels {

    /** A number key as an operator sets it (twofactor.number-key). */
    public static final String NUMBER_KEY = "a test key of at least thirty-two characters";

    private final ChannelSelection selection;

    Channels(ChannelSelection selection) {
        this.selection = selection;
    }

    /** A {@link CodeChannel} over what {@code twofactor.channel} and the Vonage settings select. */
    public static CodeChannel codeChannel(String twofactorChannel, VonageSettings settings) {
        CodeChannel codeChannel = new CodeChannel();
        codeChannel.channels = new Channels(ChannelSelection.of(twofactorChannel, settings));
        codeChannel.numberHashes = NumberHashes.of(NUMBER_KEY, codeChannel.channels.channel());
        return codeChannel;
    }

    @Override
    public Channel channel() {
        return selection.channel();
    }

    @Override
    public VonageSettings settings() {
        return selection.settings();
    }

    @Override
    public List<String> problems() {
        return selection.problems();
    }
}
