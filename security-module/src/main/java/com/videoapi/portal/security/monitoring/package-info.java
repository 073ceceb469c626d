/**
 * What operators watch of the security module: its meters (Micrometer) and the state of its code
 * channel for the readiness check.
 *
 * <p>It observes the other capabilities and nothing depends on it: {@link SecurityMetrics} counts
 * {@link com.videoapi.portal.security.audit.boundary.SecurityEvent}s and the code channel's
 * {@link com.videoapi.portal.security.verification.boundary.VerificationCall}s;
 * {@link VerificationChannelHealth} reports the channel chosen by
 * {@link com.videoapi.portal.security.verification.control.VerificationChannels} to health-module,
 * where WildFly finds the health checks. Only this package uses the metrics and health libraries, so
 * on a server without one (a WildFly without the {@code micrometer} subsystem, Payara without
 * Micrometer) CDI skips its beans for the missing classes and the rest of the product runs.
 *
 * <p>Meter tags and health data never hold a secret, a number, a code or a user.
 */
package com.videoapi.portal.security.monitoring;
