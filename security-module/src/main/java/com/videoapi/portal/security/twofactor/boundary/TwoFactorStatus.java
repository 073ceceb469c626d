package com.videoapi.portal.security.twofactor.boundary;

import java.io.Serializable;

/** Whether a user's sign-ins need a code, and the masked number it goes to. */
public record TwoFactorStatus(boolean enabled, String maskedNumber) implements Serializable {

    static final TwoFactorStatus OFF = new TwoFactorStatus(false, null);
}
