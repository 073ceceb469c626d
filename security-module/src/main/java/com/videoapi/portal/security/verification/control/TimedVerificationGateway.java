package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.security.verification.boundary.Channel;
import com.videoapi.portal.security.verification.boundary.VerificationCall;
import com.videoapi.portal.security.verification.boundary.VerificationCall.Operation;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The chosen channel, with each call timed and reported as a {@link VerificationCall}: how long
 * Vonage (or the development channel) took, and how the call ended. {@link VerificationChannels}
 * wraps whichever channel it chooses in one of these.
 *
 * <p>Reporting never changes an outcome: a failing report is logged at FINE and forgotten. The
 * report goes to a plain {@link Consumer} (a CDI event in the application) so that this package
 * needs no metrics library: where none is installed the product runs unmetered.
 */
final class TimedVerificationGateway implements VerificationGateway {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    private final VerificationGateway channel;
    private final Channel name;
    private final Consumer<VerificationCall> report;

    TimedVerificationGateway(VerificationGateway channel, Channel name, Consumer<VerificationCall> report) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.name = Objects.requireNonNull(name, "name");
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public String start(String e164Number, Locale language) throws VerificationFailure {
        return timedStart(() -> channel.start(e164Number, language));
    }

    /** Reported as a {@code START}: a verification began, whichever way its code goes. */
    @Override
    public String call(String e164Number, Locale language) throws VerificationFailure {
        return timedStart(() -> channel.call(e164Number, language));
    }

    /** A text or a call, as the channel starts it. */
    @FunctionalInterface
    private interface Starting {
        String requestId() throws VerificationFailure;
    }

    private String timedStart(Starting starting) throws VerificationFailure {
        long began = System.nanoTime();
        try {
            String requestId = starting.requestId();
            report(Operation.START, "sent", false, 0, began);
            return requestId;
        } catch (VerificationFailure failure) {
            report(Operation.START, failure, began);
            throw failure;
        } catch (RuntimeException e) {
            report(Operation.START, "error", true, 0, began);
            throw e;
        }
    }

    @Override
    public CodeCheck check(String requestId, String code) throws VerificationFailure {
        long began = System.nanoTime();
        try {
            CodeCheck checked = channel.check(requestId, code);
            report(Operation.CHECK, checked.name().toLowerCase(Locale.ROOT), false, 0, began);
            return checked;
        } catch (VerificationFailure failure) {
            report(Operation.CHECK, failure, began);
            throw failure;
        } catch (RuntimeException e) {
            report(Operation.CHECK, "error", true, 0, began);
            throw e;
        }
    }

    /** Never throws, like the channel's own; whether the channel managed to cancel is its log's business. */
    @Override
    public void cancel(String requestId) {
        long began = System.nanoTime();
        try {
            channel.cancel(requestId);
            report(Operation.CANCEL, "cancelled", false, 0, began);
        } catch (RuntimeException e) {
            report(Operation.CANCEL, "error", true, 0, began);
            LOG.warning(() -> "Cancelling a verification failed: " + e);
        }
    }

    private void report(Operation operation, VerificationFailure failure, long began) {
        report(operation, failure.reason().name().toLowerCase(Locale.ROOT), true, failure.httpStatus(), began);
    }

    private void report(Operation operation, String outcome, boolean failed, int httpStatus, long began) {
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        try {
            report.accept(new VerificationCall(name, operation, outcome, failed, httpStatus, took));
        } catch (RuntimeException e) {
            LOG.fine(() -> "Verification call not reported: " + e);
        }
    }
}
