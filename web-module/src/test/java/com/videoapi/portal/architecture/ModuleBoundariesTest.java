package com.videoapi.portal.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Keeps the modules depending one way only (platform, then account-module, then security-module,
 * then web-module; health-module on none of them), and each capability's insides to itself: a
 * capability ({@code com.videoapi.portal.<module>.<capability>}) is entered through its
 * {@code boundary} package, never through another capability's {@code control} or {@code entity}.
 * Runs in web-module because only here are the classes of all modules on the class path.
 */
class ModuleBoundariesTest {

    private static final String PORTAL = "com.videoapi.portal";

    /** A package inside a capability's control or entity package; group 1 is the capability. */
    private static final Pattern INSIDE = Pattern.compile("(com\\.videoapi\\.portal\\.\\w+\\.\\w+)\\.(control|entity)(\\..*)?");

    private static JavaClasses productClasses;

    @BeforeAll
    static void importProductClasses() {
        productClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PORTAL);
    }

    @Test
    void every_module_is_on_the_class_path() {
        // Guards the rules below against passing on an empty import.
        assertAll(
                () -> productClasses.get("com.videoapi.portal.platform.time.PortalClock"),
                () -> productClasses.get("com.videoapi.portal.account.users.boundary.Users"),
                () -> productClasses.get("com.videoapi.portal.security.signin.boundary.SignInMechanism"),
                () -> productClasses.get("com.videoapi.portal.web.signin.SignInPage"),
                () -> productClasses.get("com.videoapi.portal.health.DatabaseReadiness"));
    }

    @Test
    void platform_knows_no_other_module() {
        noClasses().that().resideInAPackage(PORTAL + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(PORTAL + ".account..", PORTAL + ".security..",
                        PORTAL + ".web..", PORTAL + ".health..")
                .check(productClasses);
    }

    @Test
    void account_module_knows_nothing_of_security_web_or_health() {
        noClasses().that().resideInAPackage(PORTAL + ".account..")
                .should().dependOnClassesThat().resideInAnyPackage(PORTAL + ".security..", PORTAL + ".web..",
                        PORTAL + ".health..")
                .check(productClasses);
    }

    @Test
    void health_module_knows_nothing_of_the_others() {
        noClasses().that().resideInAPackage(PORTAL + ".health..")
                .should().dependOnClassesThat().resideInAnyPackage(PORTAL + ".platform..", PORTAL + ".account..",
                        PORTAL + ".security..", PORTAL + ".web..")
                .check(productClasses);
    }

    @Test
    void security_module_knows_nothing_of_web() {
        noClasses().that().resideInAPackage(PORTAL + ".security..")
                .should().dependOnClassesThat().resideInAPackage(PORTAL + ".web..")
                .check(productClasses);
    }

    @Test
    void no_capability_reaches_into_another_capabilitys_control_or_entity() {
        classes().that().resideInAPackage(PORTAL + "..")
                .should(reachOnlyTheirOwnControlAndEntity())
                .check(productClasses);
    }

    @Test
    void capabilities_have_no_cycles() {
        slices().matching(PORTAL + ".(*).(*)..").should().beFreeOfCycles().check(productClasses);
    }

    private static ArchCondition<JavaClass> reachOnlyTheirOwnControlAndEntity() {
        return new ArchCondition<>("use other capabilities through their boundary only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = capabilityOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Matcher inside = INSIDE.matcher(dependency.getTargetClass().getPackageName());
                    if (inside.matches() && !inside.group(1).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code com.videoapi.portal.security.signin.boundary} belongs to {@code com.videoapi.portal.security.signin}. */
    private static String capabilityOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length < 5 ? packageName : String.join(".", java.util.Arrays.copyOfRange(parts, 0, 5));
    }
}
