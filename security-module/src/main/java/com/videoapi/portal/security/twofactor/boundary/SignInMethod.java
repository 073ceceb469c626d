package com.videoapi.portal.security.twofactor.boundary;

/**
 * A second factor a sign-in can open on, and a fresh proof of identity can use: a code by text message
 * (or call) to the stored number, the authenticator app's code, or a passkey. Recovery codes and
 * trusted devices are ways back in, never the default.
 */
public enum SignInMethod {
    SMS,
    APP,
    PASSKEY
}
