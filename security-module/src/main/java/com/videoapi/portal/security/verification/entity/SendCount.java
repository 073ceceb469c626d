package com.videoapi.portal.security.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Codes counted against one scope in one time bucket (10 minutes for an hourly budget, 1 hour for a
 * daily one). Changed only by a holder of the scope's {@link SendScope} lock.
 */
@Entity
@Table(name = "send_counts")
@IdClass(SendCount.Key.class)
@NamedQuery(name = SendCount.SUM_SINCE,
        query = "select coalesce(sum(c.sends), 0) from SendCount c where c.scope = :scope"
                + " and c.bucketStart >= :since and c.bucketStart <= :until")
@NamedQuery(name = SendCount.ADD_ONE,
        query = "update SendCount c set c.sends = c.sends + 1 where c.scope = :scope and c.bucketStart = :bucket")
@NamedQuery(name = SendCount.FORGET_BEFORE,
        query = "delete from SendCount c where c.scope = :scope and c.bucketStart < :since")
public class SendCount {

    public static final String SUM_SINCE = "SendCount.sumSince";
    public static final String ADD_ONE = "SendCount.addOne";
    public static final String FORGET_BEFORE = "SendCount.forgetBefore";

    @Id
    private String scope;

    @Id
    @Column(name = "bucket_start")
    private Instant bucketStart;

    @Column(nullable = false)
    private int sends;

    protected SendCount() {
        // for JPA
    }

    /** The first code of the bucket. */
    public SendCount(String scope, Instant bucketStart) {
        this.scope = scope;
        this.bucketStart = bucketStart;
        this.sends = 1;
    }

    /** The primary key: scope and bucket. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String scope;
        private Instant bucketStart;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(scope, that.scope) && Objects.equals(bucketStart, that.bucketStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, bucketStart);
        }
    }
}
