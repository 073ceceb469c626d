package com.videoapi.portal.security.audit.boundary;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link SecurityEvent} of a change that succeeded, written to the audit trail in the transaction
 * of the change itself ({@link SecurityEvents#fireWithChange}): on record exactly when the change
 * commits, without a transaction of its own. Events without it (refusals above all) are written in a
 * transaction of their own, so that a refused attempt whose work rolls back stays on record.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface WithChange {
}
