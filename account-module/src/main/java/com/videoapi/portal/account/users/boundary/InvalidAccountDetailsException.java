package com.videoapi.portal.account.users.boundary;

import jakarta.ejb.ApplicationException;

/**
 * What someone typed cannot make an account. The message is written for that person and may be
 * shown as it is.
 */
@ApplicationException(rollback = true)
public class InvalidAccountDetailsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidAccountDetailsException(String message) {
        super(message);
    }
}
