package com.videoapi.portal.security.verification.control;

import java.util.Locale;

/**
 * Stands in when no code channel can be used ({@code Channel.NONE}): every code is refused as
 * {@link VerificationFailure.Reason#MISCONFIGURED}. It fails closed on purpose: a missing Vonage
 * credential must never turn into codes written to the log.
 */
final class NoVerificationGateway implements VerificationGateway {

    @Override
    public String start(String e164Number, Locale language) throws VerificationFailure {
        throw notConfigured();
    }

    @Override
    public String call(String e164Number, Locale language) throws VerificationFailure {
        throw notConfigured();
    }

    @Override
    public CodeCheck check(String requestId, String code) throws VerificationFailure {
        throw notConfigured();
    }

    @Override
    public void cancel(String requestId) {
        // nothing was sent through this channel, so nothing runs
    }

    private static VerificationFailure notConfigured() {
        return new VerificationFailure(VerificationFailure.Reason.MISCONFIGURED, 0,
                "No code channel: see the readiness check verification-channel", null);
    }
}
