package com.videoapi.portal.health;

import java.util.List;
import java.util.Map;

/**
 * How the code channel stands, as the module that chose it reports it to {@link VerificationChannelReadiness}.
 *
 * @param channel  the channel in use, e.g. {@code vonage} or {@code development}
 * @param details  what an operator may see about it (never a credential or a key's path)
 * @param problems what is wrong with its configuration, by property name; empty when nothing is
 */
public record ChannelStatus(String channel, Map<String, String> details, List<String> problems) {

    public ChannelStatus {
        details = Map.copyOf(details);
        problems = List.copyOf(problems);
    }
}
