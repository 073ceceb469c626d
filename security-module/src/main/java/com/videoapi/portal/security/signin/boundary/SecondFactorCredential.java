package com.videoapi.portal.security.signin.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the code page hands to {@link SignInMechanism}: the code typed, and whether to trust this
 * browser from now on. Only meaningful for a session whose password step is done.
 */
public final class SecondFactorCredential implements Credential {

    private final String code;
    private final boolean trustThisDevice;

    public SecondFactorCredential(String code, boolean trustThisDevice) {
        this.code = code;
        this.trustThisDevice = trustThisDevice;
    }

    public String code() {
        return code;
    }

    public boolean trustThisDevice() {
        return trustThisDevice;
    }

    @Override
    public String toString() {
        return "SecondFactorCredential[code hidden]";
    }
}
