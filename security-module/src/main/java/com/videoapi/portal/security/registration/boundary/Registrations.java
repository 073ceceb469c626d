package com.videoapi.portal.security.registration.boundary;

import com.videoapi.portal.account.users.boundary.EmailAlreadyRegisteredException;
import com.videoapi.portal.account.users.boundary.InvalidAccountDetailsException;
import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.security.passwords.boundary.Passwords;
import com.videoapi.portal.security.registration.boundary.SignUpRefusedException.Field;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sign-up: a new account with its first user, whose password is hashed here so that account-module
 * never sees it.
 */
@ApplicationScoped
public class Registrations {

    @Inject
    Passwords passwords;

    @Inject
    Users users;

    /**
     * @throws SignUpRefusedException naming the field at fault, with a message for the person
     */
    public UserProfile signUp(String accountName, String email, String password) {
        // Check what is cheap first, so a mistyped address does not cost a 600,000-round hash.
        try {
            AccountName.of(accountName);
        } catch (IllegalArgumentException invalid) {
            throw new SignUpRefusedException(Field.ACCOUNT_NAME, invalid.getMessage());
        }
        try {
            EmailAddress.of(email);
        } catch (IllegalArgumentException invalid) {
            throw new SignUpRefusedException(Field.EMAIL, invalid.getMessage());
        }
        String hash;
        try {
            hash = passwords.hash(password);
        } catch (IllegalArgumentException weak) {
            throw new SignUpRefusedException(Field.PASSWORD, weak.getMessage());
        }
        try {
            return users.signUp(accountName, email, hash);
        } catch (EmailAlreadyRegisteredException taken) {
            throw new SignUpRefusedException(Field.EMAIL, taken.getMessage());
        } catch (InvalidAccountDetailsException invalid) {
            throw new SignUpRefusedException(Field.ACCOUNT_NAME, invalid.getMessage());
        }
    }
}
