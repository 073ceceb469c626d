package com.videoapi.portal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What lives in an HTTP session travels to another node of a cluster (web.xml's {@code <distributable/>}):
 * view- and session-scoped beans are Serializable, and keep no FacesContext or ExternalContext, whose
 * injected proxies WildFly's marshaller cannot read back on the other node (the whole session is then
 * lost there, and its person signed out). Found by the cluster's tests (integration-tests/on-wildfly-cluster).
 */
class SessionContentsTest {

    private static JavaClasses webClasses;

    @BeforeAll
    static void importWebClasses() {
        webClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.videoapi.portal.web");
    }

    @Test
    void view_and_session_scoped_beans_are_serializable() {
        assertFalse(webClasses.stream().noneMatch(c -> c.isAnnotatedWith(ViewScoped.class)), "some view-scoped beans checked");
        classes().that().areAnnotatedWith(ViewScoped.class).or().areAnnotatedWith(SessionScoped.class)
                .should().beAssignableTo(Serializable.class)
                .check(webClasses);
    }

    @Test
    void view_and_session_scoped_beans_keep_no_faces_context() {
        fields().that().areDeclaredInClassesThat().areAnnotatedWith(ViewScoped.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(SessionScoped.class)
                .should().notHaveRawType(FacesContext.class)
                .andShould().notHaveRawType(ExternalContext.class)
                .allowEmptyShould(true)
                .check(webClasses);
    }
}
