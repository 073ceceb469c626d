package com.videoapi.portal.security.signin.boundary;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.util.Locale;

/**
 * What the sign-in page hands to {@link SignInMechanism}: the e-mail address and password, and the
 * language the person reads the page in, so that a code sent at this step comes in that language.
 */
public final class PasswordCredential extends UsernamePasswordCredential {

    private final Locale language;

    public PasswordCredential(String email, String password, Locale language) {
        super(email, new Password(password));
        this.language = language;
    }

    public Locale language() {
        return language;
    }
}
