package com.videoapi.portal.security.mail.boundary;

import java.util.Locale;

/**
 * An e-mail address as the audit trail and the logs show it: the first character of the local part
 * and the domain, such as {@code a•••@example.com}. Enough for an operator to tell two people apart
 * when helping one of them, not enough to write to them.
 */
public final class MaskedAddress {

    private MaskedAddress() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "•••" + address.substring(at).toLowerCase(Locale.ROOT);
    }
}
