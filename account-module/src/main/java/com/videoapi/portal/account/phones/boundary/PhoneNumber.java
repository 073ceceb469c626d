package com.videoapi.portal.account.phones.boundary;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import com.videoapi.portal.platform.masking.MaskedPhoneNumber;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mobile phone number that can receive a sign-in code by SMS, held in E.164 form
 * ({@code +447400123456}): the form stored, compared and sent to the verification service.
 *
 * <p>{@link #parse(String, String)} takes what a person typed, in national form for the country they
 * chose ({@code 07400 123456} for GB, {@code (201) 555-0123} for US) or in international form
 * ({@code +44 7400 123456}). Only numbers that libphonenumber holds valid and of type {@code MOBILE} or
 * {@code FIXED_LINE_OR_MOBILE} (North America cannot tell the two apart) are accepted: a landline,
 * pager, VoIP, toll-free or premium-rate number cannot be trusted to receive a text, and a premium
 * number would bill the person. Ranges reserved for drama, such as Ofcom's 07700 900xxx, are not valid.
 *
 * <p>{@link #masked()}, and therefore {@link #toString()}, never shows the whole number: logs and
 * pages use it, so a careless log line does not leak a number.
 */
public final class PhoneNumber implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Longest input looked at: a formatted number with its country code fits twice over. */
    public static final int MAX_INPUT_LENGTH = 64;

    /** E.164 allows at most 15 digits; below 8 the mask of {@link #masked()} would hide too little. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    /** Digits of any script, spaces, dashes, dots, brackets, slashes and plus signs. */
    private static final Pattern TYPED = Pattern.compile("[\\p{Nd}\\p{Zs}\\s\\p{Pd}+.()/]+");

    /** Invisible marks that copying a number from a web page or a contact card often brings along. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");

    /** Why what a person typed is no number we can send a code to; the web module says it in their language. */
    public enum Problem { MISSING, TOO_LONG, NOT_DIGITS, NO_COUNTRY, INVALID, PREMIUM_RATE, NOT_MOBILE }

    /** A refused number, with the {@link Problem}; the message is English, for logs and tests. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final Problem problem;

        Invalid(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /**
     * Reads a number typed by a person.
     *
     * <p>{@code regionCode} is the ISO 3166-1 alpha-2 country ({@code "GB"}, case ignored) chosen in
     * the form or taken from the browser's locale; it decides how a number without a {@code +} is read.
     * When it is null, blank or not a country libphonenumber knows ({@code "419"} from {@code es-419}),
     * only the international form starting with {@code +} is accepted; a {@code 00} prefix is then
     * refused, since what it means depends on the country it is dialled from (with {@code "GB"},
     * {@code 0044 7400 123456} is read as {@code +447400123456}). A valid mobile whose E.164 form has
     * fewer than 8 digits (a few Pacific islands) is refused like an invalid number, see {@link #masked()}.
     *
     * @throws Invalid with the {@link Problem}, and nothing else
     */
    public static PhoneNumber parse(String typed, String regionCode) {
        if (typed == null || typed.isBlank()) {
            throw new Invalid(Problem.MISSING, "Enter your mobile phone number.");
        }
        if (typed.length() > MAX_INPUT_LENGTH) {
            throw new Invalid(Problem.TOO_LONG, "This is too long for a phone number; enter only the number.");
        }
        String visible = INVISIBLE.matcher(typed).replaceAll("").strip();
        // libphonenumber would read letters as a keypad spelling (1-800-FLOWERS) or an extension.
        if (!TYPED.matcher(visible).matches()) {
            throw new Invalid(Problem.NOT_DIGITS,
                    "Enter the phone number in digits; spaces, dashes, dots and brackets are fine.");
        }
        String region = regionCode == null ? "" : regionCode.strip().toUpperCase(Locale.ROOT);
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        if (!visible.startsWith("+") && !util.getSupportedRegions().contains(region)) {
            throw new Invalid(Problem.NO_COUNTRY,
                    "Choose the country of this phone number, or enter it with its country code, starting with +.");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = util.parse(visible, region);
        } catch (NumberParseException unreadable) {
            throw invalid();
        }
        if (!util.isValidNumber(number)) {
            throw invalid();
        }
        PhoneNumberType type = util.getNumberType(number);
        if (type == PhoneNumberType.PREMIUM_RATE) {
            throw new Invalid(Problem.PREMIUM_RATE,
                    "This is a premium-rate number; enter a mobile number that can receive text messages.");
        }
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            throw new Invalid(Problem.NOT_MOBILE,
                    "This looks like a landline or service number; enter a mobile number that can receive text messages.");
        }
        String e164 = util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (!E164.matcher(e164).matches()) {
            throw invalid();
        }
        return new PhoneNumber(e164);
    }

    private static Invalid invalid() {
        return new Invalid(Problem.INVALID, "This is not a valid phone number; check the digits and the country.");
    }

    /**
     * Re-creates a number stored by this product, such as a value read from the database. Checks the
     * shape ({@code +}, then 8 to 15 digits, a country calling code libphonenumber knows), not whether
     * the number is still a valid mobile: a metadata update must not make a stored number unreadable.
     *
     * @throws IllegalArgumentException if {@code e164} is not of that shape
     */
    public static PhoneNumber ofE164(String e164) {
        if (e164 == null || !E164.matcher(e164).matches() || MaskedPhoneNumber.countryCallingCodeLength(e164) == 0) {
            throw new IllegalArgumentException("Not a phone number in E.164 form (+ then 8 to 15 digits).");
        }
        return new PhoneNumber(e164);
    }

    /** The number in E.164 form, such as {@code +447400123456}: what is stored and sent. */
    public String e164() {
        return e164;
    }

    /**
     * The country calling code, such as {@code 44} for {@code +447400123456}: what tells a number of
     * the international satellite and shared-cost ranges (+881, +882, +883) from a country's own.
     */
    public int countryCallingCode() {
        return Integer.parseInt(e164.substring(1, 1 + MaskedPhoneNumber.countryCallingCodeLength(e164)));
    }

    /**
     * The ISO 3166-1 alpha-2 region the number belongs to, such as {@code GB} (libphonenumber's
     * answer, by country calling code and leading digits: {@code +1 204} is {@code CA}). Ranges of no
     * country, such as the satellite networks of +881, are {@code 001}; a number libphonenumber cannot
     * place in a region of its calling code gets the calling code's main region.
     */
    public String regionCode() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String region = null;
        try {
            region = util.getRegionCodeForNumber(util.parse(e164, null));
        } catch (NumberParseException unexpected) {
            // Cannot happen for a shape checked by ofE164; fall back to the country calling code.
        }
        return region != null ? region : util.getRegionCodeForCountryCode(countryCallingCode());
    }

    /**
     * The number as pages and logs show it, such as {@code +44 •••• ••0000}: the portal's one mask,
     * {@link MaskedPhoneNumber}.
     */
    public String masked() {
        return MaskedPhoneNumber.of(e164);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber that && e164.equals(that.e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    /** The {@linkplain #masked() masked} form, never the whole number. */
    @Override
    public String toString() {
        return masked();
    }
}
