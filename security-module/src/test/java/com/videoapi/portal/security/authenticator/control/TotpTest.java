package com.videoapi.portal.security.authenticator.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Totp} against RFC 6238 appendix B, and the window and replay rules on top. */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0}, {1}")
    @CsvSource({
            "59, HmacSHA1, 94287082",
            "59, HmacSHA256, 46119246",
            "59, HmacSHA512, 90693936",
            "1111111109, HmacSHA1, 07081804",
            "1111111109, HmacSHA256, 68084774",
            "1111111109, HmacSHA512, 25091201",
            "1111111111, HmacSHA1, 14050471",
            "1111111111, HmacSHA256, 67062674",
            "1111111111, HmacSHA512, 99943326",
            "1234567890, HmacSHA1, 89005924",
            "1234567890, HmacSHA256, 91819424",
            "1234567890, HmacSHA512, 93441116",
            "2000000000, HmacSHA1, 69279037",
            "2000000000, HmacSHA256, 90698825",
            "2000000000, HmacSHA512, 38618901",
            "20000000000, HmacSHA1, 65353130",
            "20000000000, HmacSHA256, 77737706",
            "20000000000, HmacSHA512, 47863826"
    })
    void rfc6238TestVectors(long seconds, String hmac, String expected) {
        byte[] key = switch (hmac) {
            case "HmacSHA1" -> SHA1_KEY;
            case "HmacSHA256" -> SHA256_KEY;
            default -> SHA512_KEY;
        };
        assertEquals(expected, Totp.code(key, Totp.stepAt(Instant.ofEpochSecond(seconds)), hmac, 8));
    }

    @Test
    void theAppsSixDigitsAreTheLastSixOfTheEightDigitCode() {
        // Dynamic truncation modulo 10^6 instead of 10^8: the same number's last six digits.
        assertEquals("287082", Totp.code(SHA1_KEY, Totp.stepAt(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(SHA1_KEY, Totp.stepAt(Instant.ofEpochSecond(1111111109))));
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertEquals(0, Totp.stepAt(Instant.ofEpochSecond(29)));
        assertEquals(1, Totp.stepAt(Instant.ofEpochSecond(30)));
        assertEquals(37037036, Totp.stepAt(Instant.ofEpochSecond(1111111109)));
    }

    @Test
    void acceptsTheStepNowAndOneEitherSideOnly() {
        long now = 1000;
        assertEquals(OptionalLong.of(999), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 999), now, 0));
        assertEquals(OptionalLong.of(1000), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 1000), now, 0));
        assertEquals(OptionalLong.of(1001), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 1001), now, 0));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 998), now, 0));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 1002), now, 0));
    }

    @Test
    void neverAcceptsAStepAcceptedBeforeNorAnOlderOne() {
        long now = 1000;
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 1000), now, 1000));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 999), now, 1000));
        assertEquals(OptionalLong.of(1001), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 1001), now, 1000));
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, null, 1000, 0));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, "12345", 1000, 0));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, "12345a", 1000, 0));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, 1000) + "0", 1000, 0));
    }
}
