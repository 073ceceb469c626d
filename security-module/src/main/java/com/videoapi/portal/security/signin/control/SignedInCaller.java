package com.videoapi.portal.security.signin.control;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The caller that a session has fully authenticated, kept in the HTTP session so that the
 * mechanism can tell the container on every request. Holds no secret.
 */
public record SignedInCaller(UUID userId, String name, Set<String> groups) implements Serializable {

    /** Session attribute under which the signed-in caller is kept. */
    public static final String SESSION_ATTRIBUTE = SignedInCaller.class.getName();

    public SignedInCaller {
        groups = Set.copyOf(groups);
    }
}
