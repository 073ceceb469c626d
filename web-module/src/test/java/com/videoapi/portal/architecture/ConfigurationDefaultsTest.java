package com.videoapi.portal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting's default lives in its module's {@code META-INF/microprofile-config.properties}, not
 * in a {@code defaultValue} attribute: an operator finds them all in one place per module. Every
 * setting read as a {@link Duration} has an ISO-8601 default.
 */
class ConfigurationDefaultsTest {

    private static final String DEFAULTS = "META-INF/microprofile-config.properties";

    private static List<JavaField> settings;
    private static Properties defaults;

    @BeforeAll
    static void read() throws IOException {
        JavaClasses product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.videoapi.portal");
        settings = new ArrayList<>();
        product.forEach(c -> c.getFields().stream().filter(f -> f.isAnnotatedWith(ConfigProperty.class)).forEach(settings::add));
        defaults = new Properties();
        for (URL file : Collections.list(ConfigurationDefaultsTest.class.getClassLoader().getResources(DEFAULTS))) {
            try (InputStream in = file.openStream()) {
                Properties module = new Properties();
                module.load(in);
                module.stringPropertyNames().forEach(name -> {
                    if (defaults.containsKey(name)) {
                        throw new AssertionError(name + " has a default in two modules");
                    }
                    defaults.setProperty(name, module.getProperty(name));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void the_settings_and_the_defaults_files_are_found() {
        // Guards the rules below against passing over nothing.
        assertTrue(settings.size() >= 10, "settings found: " + settings);
        assertTrue(defaults.containsKey("health.database.timeout"), "health-module's defaults");
        assertTrue(defaults.containsKey("twofactor.resend-cooldown"), "security-module's defaults");
    }

    @Test
    void no_setting_has_its_default_in_the_code() {
        assertAll(settings.stream().map(field -> () -> assertEquals(ConfigProperty.UNCONFIGURED_VALUE,
                field.getAnnotationOfType(ConfigProperty.class).defaultValue(),
                field.getFullName() + ": move the default to " + DEFAULTS)));
    }

    @Test
    void every_required_setting_has_a_default() {
        assertAll(settings.stream()
                .filter(field -> !field.getRawType().isEquivalentTo(Optional.class))
                .map(field -> () -> assertTrue(defaults.containsKey(nameOf(field)),
                        nameOf(field) + " (" + field.getFullName() + ") has no default in any module's " + DEFAULTS)));
    }

    @Test
    void every_duration_is_iso_8601() {
        assertAll(settings.stream()
                .filter(field -> field.getRawType().isEquivalentTo(Duration.class))
                .map(field -> () -> {
                    Duration parsed = Duration.parse(defaults.getProperty(nameOf(field)));
                    assertFalse(parsed.isNegative() || parsed.isZero(), nameOf(field) + " must be positive");
                }));
    }

    private static String nameOf(JavaField field) {
        return field.getAnnotationOfType(ConfigProperty.class).name();
    }
}
