package com.videoapi.portal.security.registration.boundary;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.account.users.boundary.EmailAlreadyRegisteredException;
import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Throttled;
import com.videoapi.portal.security.passwords.boundary.PasswordProblem;
import com.videoapi.portal.security.passwords.boundary.Passwords;
import com.videoapi.portal.security.registration.boundary.SignUpRefusedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sign-up: a new account with its first user, whose password is hashed here so that account-module
 * never sees it. The name and address arrive as value objects, so they are valid already.
 */
@ApplicationScoped
public class Registrations {

    @Inject
    Passwords passwords;

    @Inject
    Users users;

    @Inject
    AddressThrottles throttles;

    @Inject
    RequestOrigin origin;

    /**
     * @throws SignUpRefusedException when the password cannot be chosen or the address is taken
     * @throws Throttled when the client's address has had its sign-ups of the hour
     *                   ({@code signup.per-address-per-hour}), or the server is too busy to hash
     */
    public UserProfile signUp(AccountName accountName, EmailAddress email, String password) {
        throttles.signUp(origin.source());
        String hash;
        try {
            hash = passwords.hash(password);
        } catch (PasswordProblem.Refused weak) {
            throw new SignUpRefusedException(Reason.PASSWORD_REFUSED, weak.problem());
        }
        try {
            return users.signUp(accountName, email, hash);
        } catch (EmailAlreadyRegisteredException taken) {
            throw new SignUpRefusedException(Reason.EMAIL_ALREADY_REGISTERED, null);
        }
    }
}
