/**
 * Accounts of the video-API platform, the people who sign in to them and their mobile phone numbers
 * ({@link com.videoapi.portal.account.phones.boundary.PhoneNumber}).
 *
 * <p>This module owns the {@code accounts}, {@code users} and {@code verified_phones} tables and
 * their migrations (run by {@code platform}'s schema migration). It knows
 * nothing of authentication or of the web: other modules reach it through the boundary
 * {@link com.videoapi.portal.account.users.boundary.Users}, and refer to a user by id. Logger
 * category: {@code com.videoapi.portal.account}.
 */
package com.videoapi.portal.account;
