package com.videoapi.portal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the modules depending one way only: account-module, then security-module, then web-module;
 * health-module on none of them. Runs in web-module because only here are the classes of all on the
 * class path.
 */
class ModuleBoundariesTest {

    private static JavaClasses productClasses;

    @BeforeAll
    static void importProductClasses() {
        productClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.videoapi.portal");
    }

    @Test
    void all_three_modules_are_on_the_class_path() {
        // Guards the rules below against passing on an empty import.
        org.junit.jupiter.api.Assertions.assertAll(
                () -> productClasses.get("com.videoapi.portal.account.users.boundary.Users"),
                () -> productClasses.get("com.videoapi.portal.security.signin.boundary.SignInMechanism"),
                () -> productClasses.get("com.videoapi.portal.web.signin.SignInPage"),
                () -> productClasses.get("com.videoapi.portal.health.DatabaseReadiness"));
    }

    @Test
    void account_module_knows_nothing_of_security_or_web() {
        noClasses().that().resideInAPackage("com.videoapi.portal.account..")
                .should().dependOnClassesThat().resideInAnyPackage("com.videoapi.portal.security..", "com.videoapi.portal.web..")
                .check(productClasses);
    }

    @Test
    void health_module_knows_nothing_of_the_others() {
        noClasses().that().resideInAPackage("com.videoapi.portal.health..")
                .should().dependOnClassesThat().resideInAnyPackage("com.videoapi.portal.account..",
                        "com.videoapi.portal.security..", "com.videoapi.portal.web..")
                .check(productClasses);
    }

    @Test
    void security_module_knows_nothing_of_web() {
        noClasses().that().resideInAPackage("com.videoapi.portal.security..")
                .should().dependOnClassesThat().resideInAPackage("com.videoapi.portal.web..")
                .check(productClasses);
    }

    @Test
    void other_modules_use_account_module_through_its_boundaries_not_its_persistence() {
        noClasses().that().resideOutsideOfPackage("com.videoapi.portal.account..")
                .should().dependOnClassesThat().resideInAnyPackage("com.videoapi.portal.account..entity..")
                .check(productClasses);
    }

    @Test
    void web_module_uses_security_module_through_its_boundaries() {
        noClasses().that().resideInAPackage("com.videoapi.portal.web..")
                .should().dependOnClassesThat().resideInAnyPackage("com.videoapi.portal.security..control..",
                        "com.videoapi.portal.security..entity..")
                .check(productClasses);
    }

    @Test
    void capabilities_have_no_cycles() {
        slices().matching("com.videoapi.portal.(*).(*)..").should().beFreeOfCycles().check(productClasses);
    }
}
