/**
 * Accounts of the video-API platform, the people who sign in to them and their mobile phone numbers
 * ({@link com.videoapi.portal.account.phones.boundary.PhoneNumber}).
 *
 * <p>This module owns the {@code accounts} and {@code users} tables and their migrations. It knows
 * nothing of authentication or of the web: other modules reach it through the boundary
 * {@link com.videoapi.portal.account.users.boundary.Users}, and refer to a user by id. Logger
 * category: {@code com.videoapi.portal.account}.
 */
package com.videoapi.portal.account;
