package com.videoapi.portal.web.forms;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.convert.ConverterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The converters turn typed text into value objects, or refuse it with the bundle's words for the field. */
class ConvertersTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(Words.BUNDLE, Locale.ENGLISH);
    private static final ResourceBundle GERMAN = ResourceBundle.getBundle(Words.BUNDLE, Locale.GERMAN);

    @Test
    void a_national_number_is_read_in_the_country_chosen_beside_it() {
        assertEquals("+447400123456", PhoneNumberConverter.read("07400 123456", "GB", ENGLISH, Locale.ENGLISH).e164());
        assertEquals("+12015550123", PhoneNumberConverter.read("(201) 555-0123", "US", ENGLISH, Locale.ENGLISH).e164());
        assertEquals("+447400123456", PhoneNumberConverter.read("+44 7400 123456", null, ENGLISH, Locale.ENGLISH).e164());
    }

    @Test
    void the_country_comes_from_the_select_component_handed_to_the_phone_field() {
        assertEquals("GB", PhoneNumberConverter.regionOf(select(false, null, "GB")));
        // Converted and validated already: the local value wins.
        assertEquals("US", PhoneNumberConverter.regionOf(select(true, "US", "GB")));
        assertNull(PhoneNumberConverter.regionOf(select(true, null, null)));
        assertEquals("DE", PhoneNumberConverter.regionOf("DE"));
        assertNull(PhoneNumberConverter.regionOf(null));
    }

    @Test
    void a_refused_number_says_why_in_the_page_language() {
        assertRefused("This looks like a landline or service number; enter a mobile number that can receive text messages.",
                () -> PhoneNumberConverter.read("020 7946 0000", "GB", ENGLISH, Locale.ENGLISH));
        assertRefused("Das ist eine kostenpflichtige Sondernummer; geben Sie eine Mobilnummer ein, die SMS empfangen kann.",
                () -> PhoneNumberConverter.read("0909 879 0000", "GB", GERMAN, Locale.GERMAN));
        assertRefused("Choose the country of this phone number, or enter it with its country code, starting with +.",
                () -> PhoneNumberConverter.read("07400 123456", null, ENGLISH, Locale.ENGLISH));
    }

    @Test
    void nothing_typed_is_left_to_required() {
        assertNull(PhoneNumberConverter.read(null, "GB", ENGLISH, Locale.ENGLISH));
        assertNull(PhoneNumberConverter.read("  ", "GB", ENGLISH, Locale.ENGLISH));
        assertNull(EmailAddressConverter.read(null, ENGLISH, Locale.ENGLISH));
        assertNull(AccountNameConverter.read("", ENGLISH, Locale.ENGLISH));
    }

    @Test
    void an_email_address_is_normalised_or_refused_with_words() {
        assertEquals(EmailAddress.of("ann@example.com"), EmailAddressConverter.read(" Ann@Example.COM ", ENGLISH, Locale.ENGLISH));
        assertRefused("Enter a valid email address, like name@example.com.",
                () -> EmailAddressConverter.read("ann at example", ENGLISH, Locale.ENGLISH));
        assertRefused("Geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.",
                () -> EmailAddressConverter.read("ann@", GERMAN, Locale.GERMAN));
    }

    @Test
    void an_account_name_is_refused_with_its_limit_in_the_words() {
        assertEquals(AccountName.of("Acme Video"), AccountNameConverter.read("  Acme Video ", ENGLISH, Locale.ENGLISH));
        assertRefused("The account name can be at most 100 characters.",
                () -> AccountNameConverter.read("n".repeat(101), ENGLISH, Locale.ENGLISH));
        assertRefused("Der Kontoname darf keine Steuerzeichen enthalten.",
                () -> AccountNameConverter.read("Acme\u0007Video", GERMAN, Locale.GERMAN));
        assertRefused("Enter a name for the account.", () -> AccountNameConverter.read(" \t ", ENGLISH, Locale.ENGLISH));
    }

    @Test
    void what_is_shown_again_reads_back_the_same() {
        var number = PhoneNumberConverter.read("07400 123456", "GB", ENGLISH, Locale.ENGLISH);
        assertEquals("+447400123456", new PhoneNumberConverter().getAsString(null, null, number));
        assertEquals("", new PhoneNumberConverter().getAsString(null, null, null));
        assertEquals("ann@example.com", new EmailAddressConverter().getAsString(null, null, EmailAddress.of("ann@example.com")));
        assertEquals("Acme", new AccountNameConverter().getAsString(null, null, AccountName.of("Acme")));
    }

    /** The country select as the phone field's converter sees it. */
    private static EditableValueHolder select(boolean localValueSet, Object localValue, Object submitted) {
        return (EditableValueHolder) Proxy.newProxyInstance(EditableValueHolder.class.getClassLoader(),
                new Class<?>[] {EditableValueHolder.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "isLocalValueSet" -> localValueSet;
                    case "getLocalValue" -> localValue;
                    case "getSubmittedValue" -> submitted;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void assertRefused(String words, Executable conversion) {
        FacesMessage message = assertThrows(ConverterException.class, conversion).getFacesMessage();
        assertEquals(FacesMessage.SEVERITY_ERROR, message.getSeverity());
        assertEquals(words, message.getSummary());
    }
}
