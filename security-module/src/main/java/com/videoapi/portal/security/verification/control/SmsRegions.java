package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The regions whose mobile numbers may be enrolled for 2FA: {@code twofactor.sms-regions}, a
 * comma-separated list of ISO 3166-1 alpha-2 codes ({@code US,CA,GB}), or {@code *} for all. A
 * number's region is libphonenumber's ({@link PhoneNumber#regionCode()}).
 *
 * <p>Toll fraud: an attacker enrols numbers whose termination fees they share, in countries the
 * product does not serve. The international satellite and shared-cost ranges (+881, +882, +883)
 * are the costliest and never accepted, even with {@code *}.
 *
 * <p>The rule is for enrolment, a number not yet verified for the user: a number verified earlier
 * keeps receiving sign-in codes when an operator narrows the list later, so nobody is locked out.
 */
public final class SmsRegions {

    private static final Set<Integer> NEVER = Set.of(881, 882, 883);
    private static final String ALL = "*";

    private final Set<String> regions;
    private final boolean all;

    private SmsRegions(Set<String> regions, boolean all) {
        this.regions = regions;
        this.all = all;
    }

    /** Reads the setting; blanks and case are ignored, an empty list allows none. */
    public static SmsRegions of(String setting) {
        Set<String> listed = Arrays.stream(setting == null ? new String[0] : setting.split(","))
                .map(region -> region.strip().toUpperCase(Locale.ROOT))
                .filter(region -> !region.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new SmsRegions(listed, listed.contains(ALL));
    }

    public boolean accepts(PhoneNumber number) {
        if (NEVER.contains(number.countryCallingCode())) {
            return false;
        }
        return all || regions.contains(number.regionCode());
    }

    @Override
    public String toString() {
        return all ? ALL : String.join(",", regions.stream().sorted().toList());
    }
}
