package com.videoapi.portal.security.registration.boundary;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.account.users.boundary.EmailAlreadyRegisteredException;
import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.addresses.boundary.AddressVerifications;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Throttled;
import com.videoapi.portal.security.passwords.boundary.PasswordProblem;
import com.videoapi.portal.security.passwords.boundary.Passwords;
import com.videoapi.portal.security.registration.boundary.SignUpRefusedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Sign-up: a new account with its first user, whose password is hashed here so that account-module
 * never sees it. The name and address arrive as value objects, so they are valid already.
 *
 * <p>Nobody learns here whether an address has an account: a sign-up with a new address creates the
 * account and mails a link that verifies the address; one with a taken address creates nothing and
 * mails the address's owner instead. Both hash the password once and return alike, so neither the
 * answer nor its time tells them apart (the hash dominates the time).
 */
@ApplicationScoped
public class Registrations {

    @Inject
    Passwords passwords;

    @Inject
    Users users;

    @Inject
    AddressVerifications verifications;

    @Inject
    AddressThrottles throttles;

    @Inject
    RequestOrigin origin;

    /**
     * @param language the browser's preferred language, for the mails; null when unknown
     * @throws SignUpRefusedException when the password cannot be chosen (the same for any address)
     * @throws Throttled when the client's address has had its sign-ups of the hour
     *                   ({@code signup.per-address-per-hour}), or the server is too busy to hash
     */
    public void signUp(AccountName accountName, EmailAddress email, String password, Locale language) {
        throttles.signUp(origin.source());
        String hash;
        try {
            hash = passwords.hash(password);
        } catch (PasswordProblem.Refused weak) {
            throw new SignUpRefusedException(Reason.PASSWORD_REFUSED, weak.problem());
        }
        UserProfile user;
        try {
            user = users.signUp(accountName, email, hash, language);
        } catch (EmailAlreadyRegisteredException taken) {
            verifications.mailAddressTaken(email);
            return;
        }
        verifications.mailVerificationLink(user.userId(), user.email(), language);
    }
}
