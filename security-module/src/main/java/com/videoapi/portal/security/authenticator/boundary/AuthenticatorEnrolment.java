package com.videoapi.portal.security.authenticator.boundary;

import java.io.Serializable;

/**
 * An app being added: the secret in base 32 for typing by hand, and the {@code otpauth://} address
 * the QR code carries. Shown once, while the person adds the app; never read back afterwards.
 */
public record AuthenticatorEnrolment(String secret, String keyUri) implements Serializable {

    @Override
    public String toString() {
        return "AuthenticatorEnrolment[secret hidden]";
    }
}
