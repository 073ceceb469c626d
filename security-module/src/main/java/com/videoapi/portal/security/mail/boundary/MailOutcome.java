package com.videoapi.portal.security.mail.boundary;

/**
 * A letter sent, or given up after its retries: a CDI event for the meters
 * ({@code portal_mail_sent_total{kind}}, {@code portal_mail_failed_total}). The audit trail has its
 * own {@code MAIL_SENT}/{@code MAIL_FAILED} security events.
 */
public record MailOutcome(MailKind kind, boolean sent) {
}
