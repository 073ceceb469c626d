package com.videoapi.portal.security.twofactor.boundary;

import java.util.UUID;

/**
 * The CDI event fired when a user's 2FA is switched off (by the person or an operator's reset), in
 * that transaction: every second factor registered elsewhere (passkeys) goes with it.
 */
public record TwoFactorSwitchedOff(UUID userId, String how) {
}
