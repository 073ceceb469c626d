package com.videoapi.portal.account.users.boundary;

import jakarta.ejb.ApplicationException;

/** Another user already signs in with this e-mail address; addresses are unique across accounts. */
@ApplicationException(rollback = true)
public class EmailAlreadyRegisteredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmailAlreadyRegisteredException() {
        super("An account with this email address exists already");
    }
}
