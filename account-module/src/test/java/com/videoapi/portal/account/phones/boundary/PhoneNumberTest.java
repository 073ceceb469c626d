package com.videoapi.portal.account.phones.boundary;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The numbers are those libphonenumber itself gives as examples of mobiles, or chosen from its
 * metadata: the ranges reserved for fiction (Ofcom's 07700 900xxx) are not valid for it.
 */
class PhoneNumberTest {

    private static final String INVALID = "This is not a valid phone number; check the digits and the country.";
    private static final String NOT_MOBILE =
            "This looks like a landline or service number; enter a mobile number that can receive text messages.";
    private static final String PREMIUM =
            "This is a premium-rate number; enter a mobile number that can receive text messages.";
    private static final String CHOOSE_COUNTRY =
            "Choose the country of this phone number, or enter it with its country code, starting with +.";

    @ParameterizedTest
    @CsvSource({
            "07400 123456,         GB, +447400123456",
            "07400-123-456,        GB, +447400123456",
            "+44 7400 123456,        , +447400123456",
            "0044 7400 123456,     GB, +447400123456",
            "(201) 555-0123,       US, +12015550123",
            "201.555.0123,         US, +12015550123",
            "+1 201-555-0123,        , +12015550123",
            "011 44 7400 123456,   US, +447400123456",
            "01512 3456789,        DE, +4915123456789",
            "0151/23456789,        DE, +4915123456789",
            "+49 1512 3456789,       , +4915123456789",
            "06 12 34 56 78,       FR, +33612345678",
            "06.12.34.56.78,       FR, +33612345678",
            "+33 6 12 34 56 78,      , +33612345678",
            "081234 56789,         IN, +918123456789",
            "81234-56789,          IN, +918123456789",
            "+91 81234 56789,        , +918123456789",
            "(11) 96123-4567,      BR, +5511961234567",
            "+55 11 96123-4567,      , +5511961234567",
            "07400 123456,         gb, +447400123456",
    })
    void a_mobile_typed_in_national_or_international_form_is_held_in_e164(String typed, String region, String e164) {
        assertEquals(e164, PhoneNumber.parse(typed, region).e164());
    }

    @Test
    void the_same_number_typed_differently_is_the_same_value() {
        PhoneNumber national = PhoneNumber.parse("07400 123456", "GB");
        PhoneNumber international = PhoneNumber.parse("+44 (0)7400 123-456", null);
        assertEquals(national, international);
        assertEquals(national.hashCode(), international.hashCode());
        assertFalse(national.equals(PhoneNumber.parse("07400 123457", "GB")));
    }

    @Test
    void international_form_needs_no_region_even_an_unknown_one_from_a_browser_locale() {
        assertEquals("+447400123456", PhoneNumber.parse("+447400123456", null).e164());
        assertEquals("+447400123456", PhoneNumber.parse("+447400123456", "  ").e164());
        assertEquals("+447400123456", PhoneNumber.parse("+447400123456", "419").e164()); // es-419
    }

    @Test
    void digits_of_other_scripts_and_invisible_marks_from_copying_are_understood() {
        assertEquals("+447400123456", PhoneNumber.parse("\u0660\u0667\u0664\u0660\u0660 \u0661\u0662\u0663\u0664\u0665\u0666", "GB").e164());
        assertEquals("+447400123456", PhoneNumber.parse("\u202A+44 7400 123456\u202C", null).e164());
        assertEquals("+447400123456", PhoneNumber.parse("07400\u00A0123456", "GB").e164());
    }

    @Test
    void a_fixed_line_or_mobile_number_of_north_america_is_accepted() {
        assertEquals(PhoneNumberType.FIXED_LINE_OR_MOBILE, typeOf("+12015550123"));
        assertEquals("+12015550123", PhoneNumber.parse("(201) 555-0123", "US").e164());
    }

    @ParameterizedTest
    @CsvSource({
            "020 7946 0000,  GB, FIXED_LINE",
            "0800 123 4567,  GB, TOLL_FREE",
            "(800) 555-0123, US, TOLL_FREE",
            "076 0012 3456,  GB, PAGER",
            "056 1234 5678,  GB, VOIP",
            "030 6999 0000,  GB, UAN",
    })
    void landlines_and_service_numbers_are_refused(String typed, String region, PhoneNumberType type) {
        assertEquals(type, typeOf(PhoneNumberUtil.getInstance().format(parsed(typed, region), PhoneNumberUtil.PhoneNumberFormat.E164)));
        assertRefused(NOT_MOBILE, typed, region);
    }

    @Test
    void a_premium_rate_number_is_refused_for_what_it_is() {
        assertEquals(PhoneNumberType.PREMIUM_RATE, typeOf("+449098790000"));
        assertRefused(PREMIUM, "0909 879 0000", "GB");
    }

    @ParameterizedTest
    @CsvSource({
            "07400 12345,      GB",  // a digit short
            "07400 1234567,    GB",  // a digit too many
            "07700 900123,     GB",  // Ofcom's drama range: never a real phone
            "06 12 34 56 78,   US",  // a French number read as American
            "+999 1234 5678,     ",  // no such country calling code
            "+++---,           GB",
            "0,                GB",
    })
    void invalid_numbers_are_refused(String typed, String region) {
        assertRefused(INVALID, typed, region);
    }

    @Test
    void a_valid_mobile_too_short_for_the_mask_to_hide_anything_is_refused() {
        assertEquals(PhoneNumberType.MOBILE, typeOf("+6835123")); // Niue: 4 digits after +683
        assertRefused(INVALID, "+683 5123", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"07400 ABC123", "call me", "+44 7400 123456 ext. 12", "07400 123456#", "tel:+447400123456"})
    void letters_and_other_signs_are_refused(String typed) {
        assertRefused("Enter the phone number in digits; spaces, dashes, dots and brackets are fine.", typed, "GB");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nothing_typed_is_refused(String typed) {
        assertRefused("Enter your mobile phone number.", typed, "GB");
    }

    @Test
    void ten_thousand_characters_are_refused_not_crashed_on() {
        assertRefused("This is too long for a phone number; enter only the number.", "7".repeat(10_000), "GB");
        assertRefused("This is too long for a phone number; enter only the number.", " ".repeat(60) + "07400 123456", "GB");
    }

    @ParameterizedTest
    @CsvSource(value = {"07400 123456, XX", "07400 123456, 001", "07400 123456, ''", "07400 123456, ", "0044 7400 123456, "})
    void a_national_number_without_a_known_country_asks_for_the_country(String typed, String region) {
        assertRefused(CHOOSE_COUNTRY, typed, region);
    }

    @Test
    void a_log_line_that_prints_the_value_gets_the_mask() {
        PhoneNumber number = PhoneNumber.parse("07400 123456", "GB");
        assertEquals("+44 •••• ••3456", number.toString());
        assertFalse(("sent to " + number).contains("7400"));
    }

    @Test
    void a_stored_number_reads_back_equal() {
        PhoneNumber typed = PhoneNumber.parse("(11) 96123-4567", "BR");
        PhoneNumber stored = PhoneNumber.ofE164(typed.e164());
        assertAll(
                () -> assertEquals(typed, stored),
                () -> assertEquals("+5511961234567", stored.e164()),
                () -> assertEquals(typed.masked(), stored.masked()));
    }

    @Test
    void a_stored_number_is_not_rejudged_by_newer_metadata() {
        assertEquals("+447700900000", PhoneNumber.ofE164("+447700900000").e164());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"447400123456", "+44 7400 123456", "+0447400123456", "+1234567", "+1234567890123456",
            "+99912345678", "+44740012345a", " +447400123456"})
    void ofE164_refuses_anything_but_e164(String value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PhoneNumber.ofE164(value));
        assertTrue(refused.getMessage().contains("E.164"));
    }

    @Test
    void it_survives_serialisation_as_a_view_or_session_attribute() throws Exception {
        PhoneNumber number = PhoneNumber.parse("07400 123456", "GB");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(number);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(number, in.readObject());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "+447400123456, GB, 44",
            "+12015550123,  US, 1",
            "+12042345678,  CA, 1",
            "+33612345678,  FR, 33",
            "+61412345678,  AU, 61",
    })
    void its_region_and_country_calling_code_come_from_the_number(String e164, String region, int callingCode) {
        PhoneNumber number = PhoneNumber.ofE164(e164);
        assertEquals(region, number.regionCode());
        assertEquals(callingCode, number.countryCallingCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {881, 882, 883})
    void the_satellite_and_shared_cost_ranges_belong_to_no_country(int callingCode) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String e164 = util.format(util.getExampleNumberForNonGeoEntity(callingCode), PhoneNumberUtil.PhoneNumberFormat.E164);
        PhoneNumber number = PhoneNumber.ofE164(e164);
        assertEquals("001", number.regionCode());
        assertEquals(callingCode, number.countryCallingCode());
    }

    private static void assertRefused(String message, String typed, String region) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse(typed, region));
        assertEquals(message, refused.getMessage());
    }

    private static PhoneNumberType typeOf(String e164) {
        return PhoneNumberUtil.getInstance().getNumberType(parsed(e164, null));
    }

    private static Phonenumber.PhoneNumber parsed(String typed, String region) {
        try {
            return PhoneNumberUtil.getInstance().parse(typed, region);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
