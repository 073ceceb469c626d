/**
 * Who may act on an account: passwords, sign-up, sign-in and the second factor.
 *
 * <p>The product's one Jakarta Security {@code HttpAuthenticationMechanism},
 * {@link com.videoapi.portal.security.signin.boundary.SignInMechanism}, lives here, backed by an
 * {@code IdentityStore} over account-module's {@code Users}. Uses account-module through its
 * boundaries; knows nothing of the web pages. Logger categories: {@code com.videoapi.portal.security},
 * and {@code com.videoapi.portal.security.events} for security events (never a password, code,
 * token or session id).
 */
package com.videoapi.portal.security;
