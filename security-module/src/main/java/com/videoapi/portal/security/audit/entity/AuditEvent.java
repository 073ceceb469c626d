package com.videoapi.portal.security.audit.entity;

import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail: a {@link SecurityEvent} as stored. Written once, never changed. */
@Entity
@Table(name = "audit_events")
@NamedQuery(name = AuditEvent.LATEST_OF_USER,
        query = "select e from AuditEvent e where e.userId = :userId order by e.occurredAt desc, e.id")
public class AuditEvent {

    public static final String LATEST_OF_USER = "AuditEvent.latestOfUser";

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "user_id", updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 40)
    private SecurityEvent.Kind kind;

    @Column(name = "masked_number", updatable = false, length = 32)
    private String maskedNumber;

    @Column(updatable = false, length = 64)
    private String ip;

    @Column(name = "user_agent", updatable = false, length = 255)
    private String userAgent;

    @Column(updatable = false, length = 255)
    private String detail;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(SecurityEvent event) {
        this.id = UUID.randomUUID();
        this.occurredAt = event.at();
        this.userId = event.userId();
        this.kind = event.kind();
        this.maskedNumber = cut(event.maskedNumber(), 32);
        this.ip = cut(event.ip(), 64);
        this.userAgent = cut(event.userAgent(), 255);
        this.detail = cut(event.detail(), 255);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getUserId() {
        return userId;
    }

    public SecurityEvent.Kind getKind() {
        return kind;
    }

    public String getMaskedNumber() {
        return maskedNumber;
    }

    public String getIp() {
        return ip;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getDetail() {
        return detail;
    }
}
