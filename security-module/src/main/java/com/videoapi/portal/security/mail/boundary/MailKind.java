package com.videoapi.portal.security.mail.boundary;

/**
 * What a mail is about. The names are stable: the audit trail, the meter tag {@code kind} and the keys
 * of the mail bundle ({@code mails.properties}: {@code <KIND>.subject}, {@code <KIND>.text},
 * {@code <KIND>.html}) use them.
 */
public enum MailKind {
    /** The link that verifies the address given at sign-up (or asked for again with "Send the link again"). */
    ADDRESS_VERIFICATION,
    /** To the owner of an address someone tried to sign up with again. */
    ADDRESS_TAKEN,
    /** The link that confirms a new address, sent to the new address. */
    ADDRESS_CHANGE_CONFIRMATION,
    /** To the old address: a change of address was asked for. */
    ADDRESS_CHANGE_NOTICE,
    /** The "Forgot password" link. */
    PASSWORD_RESET,
    /** A security change (2FA on/off, number changed, device trusted, ...) with "This wasn't me". */
    SECURITY_NOTICE
}
