package com.videoapi.portal.platform.masking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MaskedPhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
            "+447700900000,   +44 •••• ••0000",
            "+447400123456,   +44 •••• ••3456",
            "+12015550123,    +1 •••• ••0123",
            "+6581234567,     +65 •••• 4567",
            "+33612345678,    +33 •••• •5678",
            "+4915123456789,  +49 •••• •••6789",
            "+43664123456789, +43 •••• •••• 6789",
            "+870773111632,   +870 •••• •1632",
            "+29012345,       +290 •2345",
            "+441234567890123, +44 •••• •••• •0123",
    })
    void the_mask_shows_the_country_code_and_the_last_four_digits_only(String e164, String masked) {
        assertEquals(masked, MaskedPhoneNumber.of(e164));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+123467", "447400123456", "+999123456789", "not a number"})
    void what_is_not_a_number_we_send_to_shows_two_characters_at_most(String value) {
        String masked = MaskedPhoneNumber.of(value);

        assertEquals(value.length(), masked.length());
        assertFalse(masked.contains(value.substring(0, value.length() - 2)), masked);
    }

    @Test
    void nothing_shows_as_none() {
        assertEquals("(none)", MaskedPhoneNumber.of(null));
    }
}
