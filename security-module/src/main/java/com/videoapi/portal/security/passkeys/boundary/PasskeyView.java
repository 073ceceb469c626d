package com.videoapi.portal.security.passkeys.boundary;

import java.time.Instant;
import java.util.UUID;

/** A passkey as Security Settings lists it; {@code lastUsedAt} null when never used to sign in. */
public record PasskeyView(UUID id, String name, Instant addedAt, Instant lastUsedAt) {
}
