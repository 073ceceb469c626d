package com.videoapi.portal.security.signin.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the pages of the other second factors hand to {@link SignInMechanism} instead of a texted
 * code ({@link SecondFactorCredential}): a code from the authenticator app or a recovery code, and
 * whether to trust this browser from now on. Only meaningful for a session whose password step is done.
 */
public final class OtherFactorCredential implements Credential {

    /** Which second factor the code is of. */
    public enum Factor { AUTHENTICATOR_APP, RECOVERY_CODE }

    private final Factor factor;
    private final String code;
    private final boolean trustThisDevice;

    public OtherFactorCredential(Factor factor, String code, boolean trustThisDevice) {
        this.factor = factor;
        this.code = code;
        this.trustThisDevice = trustThisDevice;
    }

    public Factor factor() {
        return factor;
    }

    public String code() {
        return code;
    }

    public boolean trustThisDevice() {
        return trustThisDevice;
    }

    @Override
    public String toString() {
        return "OtherFactorCredential[" + factor + ", code hidden]";
    }
}
