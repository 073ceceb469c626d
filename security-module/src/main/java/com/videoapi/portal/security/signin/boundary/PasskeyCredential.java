package com.videoapi.portal.security.signin.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the passkey page hands to {@link SignInMechanism}: the browser's answer to this sign-in's
 * passkey ceremony (a {@code PublicKeyCredential} as JSON). The challenge it answers is the
 * session's ({@link SecondStep#passkeyCeremony}), never the request's. Only meaningful for a session
 * whose password step is done.
 */
public final class PasskeyCredential implements Credential {

    private final String response;

    public PasskeyCredential(String response) {
        this.response = response;
    }

    public String response() {
        return response;
    }

    @Override
    public String toString() {
        return "PasskeyCredential[response hidden]";
    }
}
