package com.videoapi.portal.security.authenticator.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A confirmed authenticator app as Security Settings lists it; {@code preferred}: sign-ins open on it. */
public record AuthenticatorView(Instant addedAt, Instant lastUsedAt, boolean preferred) implements Serializable {
}
