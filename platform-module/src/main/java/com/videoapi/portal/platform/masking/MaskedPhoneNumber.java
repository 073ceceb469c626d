package com.videoapi.portal.platform.masking;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.regex.Pattern;

/**
 * The one form in which the portal shows a phone number anywhere (pages, audit trail, logs), such
 * as {@code +44 •••• ••0000} for {@code +447700900000}.
 *
 * <p>The rule, which pages and log searches rely on, so keep it stable: {@code +} and the country
 * calling code, a space, then the national significant number (the digits after the country calling
 * code) split into groups of 4 digits from the left, a last group shorter than 4 joining the group
 * before it, and every digit but the last 4 replaced by {@code •} (U+2022 BULLET). Groups are
 * separated by one space. So {@code +33612345678} is {@code +33 •••• •5678} and {@code +6581234567}
 * is {@code +65 •••• 4567}. Anything that is not an E.164 number of 8 to 15 digits with a known
 * country calling code shows as bullets and its last two characters at most.
 */
public final class MaskedPhoneNumber {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final String UNKNOWN_REGION = "ZZ";
    private static final char BULLET = '\u2022';
    private static final int SHOWN_DIGITS = 4;
    private static final int GROUP = 4;

    private MaskedPhoneNumber() {
    }

    /** The masked form of {@code e164}; {@code (none)} for null. */
    public static String of(String e164) {
        if (e164 == null) {
            return "(none)";
        }
        int codeLength = E164.matcher(e164).matches() ? countryCallingCodeLength(e164) : 0;
        if (codeLength == 0) {
            // Not a number we would send to: hide all but a hint, never the whole of it.
            int shown = Math.min(2, e164.length() / 4);
            return String.valueOf(BULLET).repeat(e164.length() - shown) + e164.substring(e164.length() - shown);
        }
        int codeEnd = 1 + codeLength;
        String national = e164.substring(codeEnd);
        int hidden = national.length() - SHOWN_DIGITS;
        int groups = Math.max(1, national.length() / GROUP);
        StringBuilder masked = new StringBuilder(e164.length() * 2).append(e164, 0, codeEnd);
        for (int i = 0; i < national.length(); i++) {
            if (i % GROUP == 0 && i / GROUP < groups) {
                masked.append(' ');
            }
            masked.append(i < hidden ? BULLET : national.charAt(i));
        }
        return masked.toString();
    }

    /**
     * How many digits the country calling code of an E.164 number has (1 to 3), or 0 when none is
     * known. E.164 country calling codes are prefix-free: at most one of the first 1 to 3 digits is one.
     */
    public static int countryCallingCodeLength(String e164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int length = 1; length <= 3 && length < e164.length(); length++) {
            int code = Integer.parseInt(e164.substring(1, 1 + length));
            if (!UNKNOWN_REGION.equals(util.getRegionCodeForCountryCode(code))) {
                return length;
            }
        }
        return 0;
    }
}
