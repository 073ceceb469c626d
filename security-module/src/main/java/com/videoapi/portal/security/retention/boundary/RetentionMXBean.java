package com.videoapi.portal.security.retention.boundary;

/**
 * The purge, for operators: registered as the MBean {@value #OBJECT_NAME} beside the operators'
 * console, e.g. to apply a shorter retention at once instead of at the next hour.
 */
public interface RetentionMXBean {

    String OBJECT_NAME = "com.videoapi.portal:type=Retention";

    /** Runs the purge now and says what it forgot, e.g. {@code "forgot 3 verifications, 12 code sends, …"}. */
    String purgeNow();
}
