package com.videoapi.portal.web.accessibility;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field for a code sent by text message, on every page and include, lets the phone offer the
 * code it received and shows a keypad: {@code autocomplete="one-time-code"} and {@code inputmode="numeric"}.
 * A code field is one labelled with the words of a code (the keys below).
 */
class CodeFieldsTest {

    /** The labels of code fields: "Verification code", on the sign-in code page and in Security Settings. */
    private static final Pattern CODE_LABEL = Pattern.compile("<h:outputLabel for=\"([^\"]+)\" value=\"#\\{msg\\['(?:code\\.code|security\\.code)'\\]}\"");

    @Test
    void every_code_field_says_one_time_code_and_numeric() throws IOException {
        List<String> fields = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String page = Files.readString(file);
                Matcher label = CODE_LABEL.matcher(page);
                while (label.find()) {
                    String id = label.group(1);
                    Matcher input = Pattern.compile("<h:inputText id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
                    assertTrue(input.find(), file + ": no input " + id + " for its label");
                    fields.add(file.getFileName() + "#" + id);
                    if (!input.group().contains("a:autocomplete=\"one-time-code\"") || !input.group().contains("a:inputmode=\"numeric\"")) {
                        wrong.add(file.getFileName() + "#" + id + ": " + input.group());
                    }
                }
            }
        }
        assertTrue(fields.size() >= 3, "the sign-in code, the enrolment code and the proof code at least: " + fields);
        assertEquals(List.of(), wrong);
    }
}
