package com.videoapi.portal.security.guards.entity;

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
 * Requests counted against one scope in one time bucket (a sixtieth of its window). Written only by
 * a holder of the scope's {@link ThrottleScope} lock.
 */
@Entity
@Table(name = "throttle_counts")
@IdClass(ThrottleCount.Id.class)
// The window's sum and its oldest bucket, as two values: no bucket is loaded as an entity (a busy
// scope has 61 of them, each then checked for changes at the flush of every check).
@NamedQuery(name = ThrottleCount.IN_WINDOW,
        query = "select coalesce(sum(c.hits), 0), min(c.bucketStart) from ThrottleCount c where c.scope = :scope"
                + " and c.bucketStart >= :since and c.bucketStart <= :until")
@NamedQuery(name = ThrottleCount.COUNT_ONE,
        query = "update ThrottleCount c set c.hits = c.hits + 1 where c.scope = :scope and c.bucketStart = :bucket")
@NamedQuery(name = ThrottleCount.DROP_BEFORE,
        query = "delete from ThrottleCount c where c.scope = :scope and c.bucketStart < :since")
public class ThrottleCount {

    public static final String IN_WINDOW = "ThrottleCount.inWindow";
    public static final String COUNT_ONE = "ThrottleCount.countOne";
    public static final String DROP_BEFORE = "ThrottleCount.dropBefore";

    @jakarta.persistence.Id
    private String scope;

    @jakarta.persistence.Id
    @Column(name = "bucket_start")
    private Instant bucketStart;

    @Column(nullable = false)
    private int hits;

    protected ThrottleCount() {
        // for JPA
    }

    /** The first request of the bucket. */
    public ThrottleCount(String scope, Instant bucketStart) {
        this.scope = scope;
        this.bucketStart = bucketStart;
        this.hits = 1;
    }

    /** Scope and bucket. */
    public static class Id implements Serializable {

        private static final long serialVersionUID = 1L;

        private String scope;
        private Instant bucketStart;

        public Id() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id that && Objects.equals(scope, that.scope) && Objects.equals(bucketStart, that.bucketStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, bucketStart);
        }
    }
}
