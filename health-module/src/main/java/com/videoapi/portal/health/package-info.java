/**
 * The portal's MicroProfile Health checks, which WildFly serves on its management interface at
 * {@code /health/live} and {@code /health/ready}.
 *
 * <p>A plain jar in the EAR's {@code lib/}: WildFly 39 discovers the health checks of an EAR only
 * there (the MicroProfile Health CDI extension sees the top-level bean archive, not the EJB or web
 * modules). So this module knows nothing of the others; security-module tells
 * {@link com.videoapi.portal.health.VerificationChannelReadiness} which channel it chose. Checks
 * never report a secret. Logger category: {@code com.videoapi.portal.health}.
 */
package com.videoapi.portal.health;
