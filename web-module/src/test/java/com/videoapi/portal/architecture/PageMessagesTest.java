package com.videoapi.portal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.videoapi.portal.web.forms.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message goes on a field the page named, never on a client id written in Java: {@link Messages}
 * takes the field's component, and it alone adds messages to the page.
 */
class PageMessagesTest {

    @Test
    void only_messages_adds_a_message_to_the_page() {
        JavaClasses web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.videoapi.portal.web");
        // A rule over a method no class calls would pass silently.
        assertTrue(web.get(Messages.class).getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTarget().getName().equals("addMessage")));

        noClasses().that().doNotHaveFullyQualifiedName(Messages.class.getName())
                .should().callMethod(FacesContext.class, "addMessage", String.class, FacesMessage.class)
                .check(web);
    }
}
