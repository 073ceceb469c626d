/**
 * What every module of the portal shares and no capability owns: the {@link java.time.Clock} the
 * time rules read ({@code time}), schema migration with one Flyway history per module
 * ({@code schema}), the one masked form of a phone number that pages, audit and logs show
 * ({@code masking}), and the random tokens of mailed links and trusted-device cookies, stored as
 * their SHA-256 ({@code tokens}), and the wait a 503 asks for while the database is out of reach
 * ({@code outage}).
 *
 * <p>A plain jar in the EAR's {@code lib/}, so every module sees it; it depends on no other module.
 */
package com.videoapi.portal.platform;
