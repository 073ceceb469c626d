package com.videoapi.portal.security.administration.boundary;

/**
 * What operators can do for a user from the server's console, without SQL: registered as the MBean
 * {@value #OBJECT_NAME} in the server's platform MBean server, so JConsole or VisualVM over the
 * management connection (or any JMX client with management rights) reach it. Every operation,
 * {@code status} too, is written into the user's audit trail with the operator: the management user
 * the server authenticated for the call ({@link ManagementUser}), not a name the caller types.
 */
public interface TwoFactorAdministrationMXBean {

    String OBJECT_NAME = "com.videoapi.portal:type=TwoFactorAdministration";

    /** The 2FA status of the user with that e-mail address; "no such user" otherwise. */
    String status(String email);

    /** Switches 2FA off (number forgotten, devices revoked, sessions ended), for a lost phone. */
    String resetTwoFactor(String email);

    /** Revokes every trusted device of the user. */
    String revokeTrustedDevices(String email);

    /** Lifts the password and code locks of the user. */
    String unlock(String email);
}
