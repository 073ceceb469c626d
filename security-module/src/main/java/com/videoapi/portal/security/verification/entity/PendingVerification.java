package com.videoapi.portal.security.verification.entity;

import com.videoapi.portal.security.verification.boundary.Purpose;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A code that was sent and not yet confirmed. Kept in the database, not in a session or in memory,
 * so that another node, or this one after a restart, can finish the verification. Removed when the
 * code is confirmed, the verification is replaced, or the channel says it is over.
 */
@Entity
@Table(name = "pending_verifications")
@NamedQuery(name = PendingVerification.OF_USER_FOR,
        query = "select v from PendingVerification v where v.userId = :userId and v.purpose = :purpose")
@NamedQuery(name = PendingVerification.OTHERS_TO_NUMBER_FOR,
        query = "select v from PendingVerification v where v.phoneE164 = :number and v.purpose = :purpose and v.userId <> :userId")
public class PendingVerification {

    public static final String OF_USER_FOR = "PendingVerification.ofUserFor";
    public static final String OTHERS_TO_NUMBER_FOR = "PendingVerification.othersToNumberFor";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Purpose purpose;

    @Column(name = "phone_e164", nullable = false, updatable = false, length = 16)
    private String phoneE164;

    /** The channel's id of this verification (Vonage's request_id). */
    @Column(name = "channel_request_id", nullable = false, updatable = false, length = 64)
    private String channelRequestId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Wrong codes tried so far (malformed ones included). */
    @Column(nullable = false)
    private int attempts;

    @Version
    private long version;

    protected PendingVerification() {
        // for JPA
    }

    public PendingVerification(UUID userId, Purpose purpose, String phoneE164, String channelRequestId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.purpose = purpose;
        this.phoneE164 = phoneE164;
        this.channelRequestId = channelRequestId;
        this.createdAt = createdAt;
    }

    /** @return the wrong codes tried so far, this one included */
    public int countWrongCode() {
        return ++attempts;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getPhoneE164() {
        return phoneE164;
    }

    public String getChannelRequestId() {
        return channelRequestId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
