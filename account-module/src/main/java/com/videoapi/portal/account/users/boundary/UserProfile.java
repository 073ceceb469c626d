package com.videoapi.portal.account.users.boundary;

import java.io.Serializable;
import java.util.UUID;

/** What the rest of the product may know of a user: no password hash. */
public record UserProfile(UUID userId, String email, String displayName, UUID accountId, String accountName)
        implements Serializable {
}
