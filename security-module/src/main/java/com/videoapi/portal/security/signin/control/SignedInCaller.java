package com.videoapi.portal.security.signin.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The caller that a session has fully authenticated, kept in the HTTP session so that the
 * mechanism can tell the container on every request. Holds no secret.
 *
 * @param epoch      the user's session epoch when this session signed in; a newer one ends it
 * @param signedInAt when the session signed in: it lives 12 hours at most, however active
 * @param provenAt   when the person last proved who they are (sign-in or re-authentication)
 * @param deviceId   the trusted device of the browser this session signed in from (it stood in for the
 *                   code, or was trusted at this sign-in), or null: revoking it ends this session
 */
public record SignedInCaller(UUID userId, String name, Set<String> groups, long epoch, Instant signedInAt,
                             Instant provenAt, UUID deviceId) implements Serializable {

    /** Session attribute under which the signed-in caller is kept. */
    public static final String SESSION_ATTRIBUTE = SignedInCaller.class.getName();

    public SignedInCaller {
        groups = Set.copyOf(groups);
    }

    public SignedInCaller withEpoch(long newEpoch) {
        return new SignedInCaller(userId, name, groups, newEpoch, signedInAt, provenAt, deviceId);
    }

    /** The same session, signed in from {@code device} (null: from none that its revocation would end). */
    public SignedInCaller fromDevice(UUID device) {
        return new SignedInCaller(userId, name, groups, epoch, signedInAt, provenAt, device);
    }

    public SignedInCaller provenAgainAt(Instant now) {
        return new SignedInCaller(userId, name, groups, epoch, signedInAt, now, deviceId);
    }
}
