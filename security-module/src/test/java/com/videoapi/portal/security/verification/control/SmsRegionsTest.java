package com.videoapi.portal.security.verification.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsRegionsTest {

    private static final String SERVED = "US,CA,GB,IE,DE,FR,NL,ES,IT,SE,NO,DK,FI,AU,NZ,JP";

    @Test
    void a_mobile_of_a_listed_region_is_accepted() {
        SmsRegions regions = SmsRegions.of(SERVED);
        assertTrue(regions.accepts(PhoneNumber.parse("07400 123456", "GB")));
        assertTrue(regions.accepts(PhoneNumber.parse("(201) 555-0123", "US")));
        assertTrue(regions.accepts(PhoneNumber.parse("+33 6 12 34 56 78", null)));
    }

    @Test
    void a_mobile_of_a_region_not_listed_is_refused() {
        SmsRegions regions = SmsRegions.of(SERVED);
        assertFalse(regions.accepts(PhoneNumber.ofE164("+6581234567")), "Singapore");
        assertFalse(regions.accepts(PhoneNumber.ofE164("+2348021234567")), "Nigeria");
    }

    @Test
    void the_region_comes_from_the_number_not_only_its_calling_code() {
        // +1 is shared: 204 is Manitoba, 876 Jamaica.
        SmsRegions canadaOnly = SmsRegions.of("CA");
        assertTrue(canadaOnly.accepts(PhoneNumber.ofE164("+12042345678")));
        assertFalse(canadaOnly.accepts(PhoneNumber.ofE164("+18762101234")));
    }

    @Test
    void blanks_and_case_do_not_matter() {
        assertTrue(SmsRegions.of(" gb , us").accepts(PhoneNumber.ofE164("+447400123456")));
    }

    @Test
    void a_star_allows_every_region() {
        assertTrue(SmsRegions.of("*").accepts(PhoneNumber.ofE164("+6581234567")));
        assertTrue(SmsRegions.of("GB,*").accepts(PhoneNumber.ofE164("+2348021234567")));
    }

    @Test
    void an_empty_list_allows_none() {
        assertFalse(SmsRegions.of("").accepts(PhoneNumber.ofE164("+447400123456")));
        assertFalse(SmsRegions.of(null).accepts(PhoneNumber.ofE164("+447400123456")));
    }

    @ParameterizedTest
    @ValueSource(ints = {881, 882, 883})
    void satellite_and_shared_cost_ranges_are_never_accepted_even_with_a_star(int callingCode) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber number = PhoneNumber.ofE164(
                util.format(util.getExampleNumberForNonGeoEntity(callingCode), PhoneNumberUtil.PhoneNumberFormat.E164));
        assertFalse(SmsRegions.of("*").accepts(number));
        assertFalse(SmsRegions.of(SERVED + ",001").accepts(number), "not even when their region is listed");
    }
}
