package com.videoapi.portal.security.guards.entity;

import com.videoapi.portal.security.guards.boundary.Step;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What protects one user's sign-in across sessions, addresses and nodes: consecutive failures and
 * locks of each step (password, code), and the session epoch that ends the user's other sessions.
 */
@Entity
@Table(name = "account_guards")
public class AccountGuard {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "password_failures", nullable = false)
    private int passwordFailures;

    @Column(name = "password_locks", nullable = false)
    private int passwordLocks;

    @Column(name = "password_locked_until")
    private Instant passwordLockedUntil;

    @Column(name = "code_failures", nullable = false)
    private int codeFailures;

    @Column(name = "code_locks", nullable = false)
    private int codeLocks;

    @Column(name = "code_locked_until")
    private Instant codeLockedUntil;

    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;

    @Version
    private long version;

    protected AccountGuard() {
        // for JPA
    }

    public AccountGuard(UUID userId) {
        this.userId = userId;
    }

    public boolean isLocked(Step step, Instant now) {
        Instant until = step == Step.PASSWORD ? passwordLockedUntil : codeLockedUntil;
        return until != null && now.isBefore(until);
    }

    public Instant lockedUntil(Step step) {
        return step == Step.PASSWORD ? passwordLockedUntil : codeLockedUntil;
    }

    /** @return the failures in a row, this one included */
    public int countFailure(Step step) {
        return step == Step.PASSWORD ? ++passwordFailures : ++codeFailures;
    }

    public int locksSoFar(Step step) {
        return step == Step.PASSWORD ? passwordLocks : codeLocks;
    }

    /** Locks the step until {@code now + duration}; the failure count starts again. */
    public void lock(Step step, Instant now, Duration duration) {
        if (step == Step.PASSWORD) {
            passwordLocks++;
            passwordFailures = 0;
            passwordLockedUntil = now.plus(duration);
        } else {
            codeLocks++;
            codeFailures = 0;
            codeLockedUntil = now.plus(duration);
        }
    }

    /** A success: the step's failures and earlier locks are forgotten. */
    public void succeeded(Step step) {
        if (step == Step.PASSWORD) {
            passwordFailures = 0;
            passwordLocks = 0;
        } else {
            codeFailures = 0;
            codeLocks = 0;
        }
    }

    /** Lifts both locks (an operator's decision); failures start again. */
    public void unlock() {
        passwordLockedUntil = null;
        codeLockedUntil = null;
        passwordFailures = 0;
        codeFailures = 0;
    }

    public long nextSessionEpoch() {
        return ++sessionEpoch;
    }

    public UUID getUserId() {
        return userId;
    }

    public long getSessionEpoch() {
        return sessionEpoch;
    }

    public int failures(Step step) {
        return step == Step.PASSWORD ? passwordFailures : codeFailures;
    }
}
