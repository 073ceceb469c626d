package com.videoapi.portal.web.forms;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.security.addresses.boundary.AddressVerifications;
import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.passwords.boundary.PasswordChanges;
import com.videoapi.portal.security.passwords.boundary.PasswordProblem;
import com.videoapi.portal.security.registration.boundary.SignUpRefusedException;
import com.videoapi.portal.security.twofactor.boundary.NumberChangeStep;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the words: both languages have the same keys and the same placeholders, every outcome
 * the pages say has words, and every key a page or bean asks for exists.
 */
class WordsBundleTest {

    /** Every enum whose constants the web module says by {@link Words#keyOf}: a new constant needs words. */
    static final List<Class<? extends Enum<?>>> SAID = List.of(CodeProblem.class, TwoFactorStep.Result.class,
            PasswordChanges.Result.class, PasswordProblem.class, SignUpRefusedException.Reason.class,
            PhoneNumber.Problem.class, EmailAddress.Problem.class, AccountName.Problem.class, SecurityEvent.Kind.class,
            AddressVerifications.Result.class, AddressVerifications.Request.class,
            NumberChangeStep.Refusal.class,
            Passkeys.Registration.class, Passkeys.Assertion.class, SignInMethod.class);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Path SOURCES = Path.of("src/main");

    private final Properties english = load("messages.properties");
    private final Properties german = load("messages_de.properties");

    @Test
    void both_languages_have_exactly_the_same_keys() {
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(german.stringPropertyNames());
        Set<String> onlyGerman = new TreeSet<>(german.stringPropertyNames());
        onlyGerman.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "missing in German");
        assertEquals(Set.of(), onlyGerman, "missing in English");
        assertTrue(english.size() > 100, "a rule over nothing passes silently");
    }

    @Test
    void the_english_file_of_its_own_is_empty_and_only_stops_a_fallback_to_the_server_locale() {
        assertEquals(0, load("messages_en.properties").size());
        assertEquals("Sign in", ResourceBundle.getBundle(Words.BUNDLE, Locale.ENGLISH).getString("signin.title"));
        assertEquals("Anmelden", ResourceBundle.getBundle(Words.BUNDLE, Locale.GERMANY).getString("signin.title"));
    }

    @Test
    void every_constant_of_every_outcome_the_pages_say_has_words() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : SAID) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (!english.containsKey(Words.keyOf(constant))) {
                    missing.add(Words.keyOf(constant));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void placeholders_match_between_languages_and_apostrophes_suit_message_format() {
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String de = german.getProperty(key);
            assertEquals(placeholders(en), placeholders(de), key);
            for (String words : new String[] {en, de}) {
                if (placeholders(words).isEmpty()) {
                    assertFalse(words.contains("''"), key + ": read as it is, so one apostrophe: " + words);
                } else {
                    assertFalse(words.replace("''", "").contains("'"), key + ": a MessageFormat pattern, so '' : " + words);
                }
            }
        }
    }

    @Test
    void outcome_keys_follow_the_enum_names() {
        assertEquals("CodeProblem.WRONG_CODE", Words.keyOf(CodeProblem.WRONG_CODE));
        assertEquals("TwoFactorStep.Result.ENABLED", Words.keyOf(TwoFactorStep.Result.ENABLED));
        assertEquals("SecurityEvent.Kind.SIGN_IN_CODE_FAILED", Words.keyOf(SecurityEvent.Kind.SIGN_IN_CODE_FAILED));
        assertEquals("Sign in code failed", english.getProperty("SecurityEvent.Kind.SIGN_IN_CODE_FAILED"));
    }

    @Test
    void words_with_arguments_are_formatted_in_the_language() {
        ResourceBundle de = ResourceBundle.getBundle(Words.BUNDLE, Locale.GERMAN);
        assertEquals("Wir haben einen 6-stelligen Code an +44 •••• ••3456 gesendet, um zu bestätigen, dass Sie es sind.",
                Words.format(de, "proof.codeSent", Locale.GERMAN, "+44 •••• ••3456"));
        ResourceBundle en = ResourceBundle.getBundle(Words.BUNDLE, Locale.ENGLISH);
        assertEquals("We sent a 6-digit code to +44 •••• ••3456 to confirm it's you.",
                Words.format(en, "proof.codeSent", Locale.ENGLISH, "+44 •••• ••3456"));
        assertEquals("The password must be at least 12 characters long.",
                Words.format(en, Words.keyOf(PasswordProblem.TOO_SHORT), Locale.ENGLISH, PasswordProblem.TOO_SHORT.limit()));
    }

    @Test
    void no_words_for_a_code_problem_blame_the_person_for_our_configuration() {
        for (CodeProblem problem : CodeProblem.values()) {
            String words = english.getProperty(Words.keyOf(problem)).toLowerCase(Locale.ROOT);
            assertFalse(words.contains("credential") || words.contains("balance"), words);
        }
    }

    @Test
    void dates_are_in_the_language_and_in_utc_saying_so() {
        Instant moment = Instant.parse("2026-11-30T14:05:00Z");
        assertEquals("30 Nov 2026, 14:05 UTC", Dates.formatterFor(Locale.ENGLISH).format(moment));
        assertEquals("30. Nov. 2026, 14:05 UTC", Dates.formatterFor(Locale.GERMAN).format(moment));
    }

    /** msg['key'] in the pages and Words.of("key") in Java: a key that is not in the bundle shows as ???key???. */
    @ParameterizedTest
    @ValueSource(strings = {"msg\\['([^']+)']", "Words\\.of\\(\"([^\"]+)\""})
    void every_key_the_pages_and_beans_ask_for_exists(String use) throws IOException {
        Pattern pattern = Pattern.compile(use);
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml") || f.toString().endsWith(".java")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found++;
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(found > 10, "a rule over nothing passes silently");
    }

    private static Set<String> placeholders(String words) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(words);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String file) {
        Properties words = new Properties();
        try (InputStream in = WordsBundleTest.class.getResourceAsStream("/com/videoapi/portal/web/" + file)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
