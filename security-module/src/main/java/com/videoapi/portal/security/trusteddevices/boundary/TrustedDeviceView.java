package com.videoapi.portal.security.trusteddevices.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A trusted device as Security Settings lists it. */
public record TrustedDeviceView(UUID id, String label, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                                boolean current) implements Serializable {
}
