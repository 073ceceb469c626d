package com.videoapi.portal.security.authenticator.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 4648 section 10's base-32 test vectors, without padding. */
class Base32Test {

    @Test
    void encodesTheRfcVectors() {
        assertEquals("", Base32.encode(bytes("")));
        assertEquals("MY", Base32.encode(bytes("f")));
        assertEquals("MZXQ", Base32.encode(bytes("fo")));
        assertEquals("MZXW6", Base32.encode(bytes("foo")));
        assertEquals("MZXW6YQ", Base32.encode(bytes("foob")));
        assertEquals("MZXW6YTB", Base32.encode(bytes("fooba")));
        assertEquals("MZXW6YTBOI", Base32.encode(bytes("foobar")));
        // The RFC 6238 SHA-1 key as apps take it.
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(bytes("12345678901234567890")));
    }

    @Test
    void decodesWhatItEncodesIgnoringCaseSpacesAndPadding() {
        assertArrayEquals(bytes("foobar"), Base32.decode("mzxw 6ytb oi======"));
        byte[] secret = new byte[20];
        new java.util.Random(7).nextBytes(secret);
        assertArrayEquals(secret, Base32.decode(Base32.encode(secret)));
        assertEquals(32, Base32.encode(secret).length(), "160 bits are 32 characters");
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZ1W"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
