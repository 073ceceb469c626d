package com.videoapi.portal.account.phones.boundary;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The countries a phone number may be typed in the national format of, for the form's choice. */
public final class PhoneRegions {

    /** A country as the form offers it, e.g. "United Kingdom (+44)". */
    public record Region(String code, String name, int callingCode) implements Serializable {
        public String label() {
            return name + " (+" + callingCode + ")";
        }
    }

    private PhoneRegions() {
    }

    /** All regions libphonenumber knows, named and sorted in the person's language. */
    public static List<Region> all(Locale language) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Collator collator = Collator.getInstance(language);
        return util.getSupportedRegions().stream()
                .map(code -> new Region(code, new Locale("", code).getDisplayCountry(language), util.getCountryCodeForRegion(code)))
                .sorted(Comparator.comparing(Region::name, collator))
                .toList();
    }

    /** The region of a browser's locale, if it is one we know; e.g. "GB" for en-GB. */
    public static String of(Locale browserLocale) {
        String country = browserLocale == null ? "" : browserLocale.getCountry();
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(country) ? country : null;
    }
}
