package com.videoapi.portal.it.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test (or class) that needs WildFly itself, not merely a server running the portal: skipped on
 * Payara ({@code mvn verify -Ppayara}, {@code it.server=payara}), with {@link #value() the reason} in
 * the report.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WildFlyOnly.Condition.class)
public @interface WildFlyOnly {

    /** Why it needs WildFly: what of WildFly's it uses, or how Payara differs. */
    String value();

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String server = System.getProperty("it.server", "wildfly");
            return context.getElement()
                    .flatMap(element -> AnnotationSupport.findAnnotation(element, WildFlyOnly.class))
                    .filter(wildFlyOnly -> !"wildfly".equals(server))
                    .map(wildFlyOnly -> ConditionEvaluationResult.disabled("WildFly only: " + wildFlyOnly.value()))
                    .orElse(ConditionEvaluationResult.enabled("runs on " + server));
        }
    }
}
