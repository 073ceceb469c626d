package com.videoapi.portal.security.verification.entity;

import com.videoapi.portal.security.verification.boundary.Delivery;
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
 * One code sent, and how ({@link Delivery}): the send log behind the resend cooldown and the calls' cooldown. The send budgets count in
 * {@link SendCount}s, which cost the same however many codes went out.
 */
@Entity
@Table(name = "code_sends")
@NamedQuery(name = CodeSend.LAST_OF_USER_FOR, query = "select max(s.sentAt) from CodeSend s where s.userId = :userId and s.purpose = :purpose")
@NamedQuery(name = CodeSend.LAST_BY_OF_USER_FOR, query = "select max(s.sentAt) from CodeSend s where s.userId = :userId"
        + " and s.purpose = :purpose and s.delivery = :delivery")
public class CodeSend {

    public static final String LAST_OF_USER_FOR = "CodeSend.lastOfUserFor";
    public static final String LAST_BY_OF_USER_FOR = "CodeSend.lastByOfUserFor";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Purpose purpose;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Delivery delivery;

    protected CodeSend() {
        // for JPA
    }

    public CodeSend(UUID userId, Purpose purpose, Instant sentAt) {
        this(userId, purpose, sentAt, Delivery.SMS);
    }

    public CodeSend(UUID userId, Purpose purpose, Instant sentAt, Delivery delivery) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.purpose = purpose;
        this.sentAt = sentAt;
        this.delivery = delivery;
    }
}
