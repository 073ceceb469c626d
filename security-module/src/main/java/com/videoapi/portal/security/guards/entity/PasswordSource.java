package com.videoapi.portal.security.guards.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One source's password attempts at one account: a client address (an IPv6 address by its /64).
 * Failures from one source lock that source only, so a stranger who guesses from elsewhere never
 * locks the owner out. Changed only by a holder of the user's guard row lock.
 */
@Entity
@Table(name = "password_sources")
@IdClass(PasswordSource.Key.class)
@NamedQuery(name = PasswordSource.LOCKED_OF_USER,
        query = "select s from PasswordSource s where s.userId = :userId and s.lockedUntil > :now order by s.lockedUntil desc")
@NamedQuery(name = PasswordSource.UNLOCK_USER,
        query = "update PasswordSource s set s.lockedUntil = null, s.failures = 0 where s.userId = :userId")
public class PasswordSource {

    public static final String LOCKED_OF_USER = "PasswordSource.lockedOfUser";
    public static final String UNLOCK_USER = "PasswordSource.unlockUser";

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Id
    private String source;

    @Column(nullable = false)
    private int failures;

    @Column(nullable = false)
    private int locks;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected PasswordSource() {
        // for JPA
    }

    public PasswordSource(UUID userId, String source, Instant now) {
        this.userId = userId;
        this.source = source;
        this.lastSeenAt = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /**
     * Counts an attempt before its password is checked, as a failure until it proves right.
     *
     * @return the attempts in a row without a right password, this one included
     */
    public int countAttempt(Instant now) {
        lastSeenAt = now;
        return ++failures;
    }

    public int locksSoFar() {
        return locks;
    }

    /** Locks this source until {@code now + duration}; its count starts again. */
    public void lock(Instant now, Duration duration) {
        locks++;
        failures = 0;
        lockedUntil = now.plus(duration);
    }

    /**
     * The password was right: the count and earlier locks are forgotten, and a lock that this very
     * attempt engaged (counted as a failure before its check) is lifted.
     */
    public void succeeded(Instant now) {
        failures = 0;
        locks = 0;
        lockedUntil = null;
        lastSeenAt = now;
    }

    /** The primary key: user and source. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID userId;
        private String source;

        public Key() {
        }

        public Key(UUID userId, String source) {
            this.userId = userId;
            this.source = source;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(userId, other.userId) && Objects.equals(source, other.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, source);
        }
    }
}
