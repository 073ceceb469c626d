package com.videoapi.portal.security.verification.control;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A code as a person typed or pasted it, reduced to what counts: "123 456", "123-456", a code copied
 * from a text message with a no-break space, an en dash or an invisible mark in it, or typed with
 * full-width digits, are all 123456. Only separators go: a letter stays, and the code is wrong.
 */
public final class TypedCode {

    /** Longer input is no code pasted with separators, and is not worked on. */
    static final int LONGEST = 32;

    /** Spaces of every kind, dashes of every kind (and the minus sign), dots, and invisible format marks. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\p{Pd}\\u2212.\\p{Cf}]");

    private TypedCode() {
    }

    /** The code without separators (full-width digits as ASCII); empty for null or overlong input. */
    public static String withoutSeparators(String typed) {
        if (typed == null || typed.length() > LONGEST) {
            return "";
        }
        return SEPARATORS.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("");
    }
}
