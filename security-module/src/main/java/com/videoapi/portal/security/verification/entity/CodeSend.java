package com.videoapi.portal.security.verification.entity;

import com.videoapi.portal.security.verification.boundary.Purpose;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One code sent: the send log behind the resend cooldown. The send budgets count in
 * {@link SendCount}s, which cost the same however many codes went out.
 */
@Entity
@Table(name = "code_sends")
@NamedQuery(name = CodeSend.LAST_OF_USER_FOR, query = "select max(s.sentAt) from CodeSend s where s.userId = :userId and s.purpose = :purpose")
public class CodeSend {

    public static final String LAST_OF_USER_FOR = "CodeSend.lastOfUserFor";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Purpose purpose;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected CodeSend() {
        // for JPA
    }

    public CodeSend(UUID userId, Purpose purpose, Instant sentAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.purpose = purpose;
        this.sentAt = sentAt;
    }
}
