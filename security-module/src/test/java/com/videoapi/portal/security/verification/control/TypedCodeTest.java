package com.videoapi.portal.security.verification.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A code pasted or typed as people do, with the separators that text messages and phones put in. */
class TypedCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456", " 123456 ", "123 456", "123-456", "123\u2013456", "123\u2212456", "123.456",
            "123\u00a0456", "123\u202f456", "12 34 56", "\t123456\n", "\u200b123456", "\uff11\uff12\uff13\uff14\uff15\uff16"})
    void separators_go_and_the_digits_stay(String typed) {
        assertEquals("123456", TypedCode.withoutSeparators(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123a456", "123_456", "123/456", "12345O"})
    void anything_else_stays_so_the_code_is_wrong(String typed) {
        assertEquals(typed, TypedCode.withoutSeparators(typed));
    }

    @Test
    void nothing_and_overlong_input_are_no_code() {
        assertEquals("", TypedCode.withoutSeparators(null));
        assertEquals("", TypedCode.withoutSeparators(" ".repeat(TypedCode.LONGEST - 6) + "1234567"));
        assertEquals("123456", TypedCode.withoutSeparators(" ".repeat(TypedCode.LONGEST - 6) + "123456"));
    }
}
