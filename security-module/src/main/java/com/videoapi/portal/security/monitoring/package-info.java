/**
 * What operators watch of the security module: its meters (Micrometer).
 *
 * <p>It observes the other capabilities and nothing depends on it: {@link SecurityMetrics} counts
 * {@link com.videoapi.portal.security.audit.boundary.SecurityEvent}s and the code channel's
 * {@link com.videoapi.portal.security.verification.control.VerificationCall}s. Only this package
 * uses the metrics library, so on a server without it (a WildFly without the {@code micrometer}
 * subsystem, Payara) CDI skips its beans for the missing classes and the rest of the product runs.
 *
 * <p>Meter tags never hold a secret, a number, a code or a user.
 */
package com.videoapi.portal.security.monitoring;
