package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.platform.masking.MaskedPhoneNumber;
import com.vonage.client.AbstractMethod;
import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.VonageClientException;
import com.vonage.client.VonageUnexpectedException;
import com.vonage.client.verify2.SmsWorkflow;
import com.vonage.client.verify2.Verify2Client;
import com.vonage.client.verify2.VerificationRequest;
import com.vonage.client.verify2.VerifyResponseException;
import com.vonage.client.verify2.VoiceWorkflow;
import com.vonage.client.verify2.Workflow;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static com.videoapi.portal.security.verification.control.VerificationFailure.Reason.ALREADY_RUNNING;
import static com.videoapi.portal.security.verification.control.VerificationFailure.Reason.EXPIRED_OR_USED_UP;
import static com.videoapi.portal.security.verification.control.VerificationFailure.Reason.INVALID_NUMBER;
import static com.videoapi.portal.security.verification.control.VerificationFailure.Reason.MISCONFIGURED;
import static com.videoapi.portal.security.verification.control.VerificationFailure.Reason.NOT_FOUND;
import static com.videoapi.portal.security.verification.control.VerificationFailure.Reason.RATE_LIMITED;
import static com.videoapi.portal.security.verification.control.VerificationFailure.Reason.UNAVAILABLE;

/**
 * The {@link VerificationGateway} over Vonage Verify v2, through Vonage's Java SDK: one SMS with a
 * 6-digit code, sent under the configured brand; or, for "Call me instead" ({@link #call}), one voice
 * call that reads a 6-digit code.
 *
 * <p>The text message is in the person's language where Verify has it ({@link #verifyLocaleOf}).
 *
 * <p>Not a CDI bean: whoever chooses the channel constructs it once from {@link VonageSettings} and
 * keeps it for the application, since it holds one {@link VonageClient} and its connection pool.
 * It is thread-safe.
 *
 * <p>How Verify's answers become outcomes:
 * <ul>
 *   <li>check 200: {@link CodeCheck#CONFIRMED}; check 400: {@link CodeCheck#WRONG_CODE};</li>
 *   <li>409 on start: {@code ALREADY_RUNNING} (the log names the running request's id when Vonage gives it);</li>
 *   <li>404 on check: {@code NOT_FOUND}; 404 on start: {@code MISCONFIGURED} (the endpoint itself
 *       is missing, so {@code vonage.api-base-url} is wrong);</li>
 *   <li>409 and 410 on check: {@code EXPIRED_OR_USED_UP}. Our SMS-only workflow always takes codes,
 *       so a 409 ("the current workflow step does not support a code") means this verification can
 *       no longer take one; retrying would not help, a new code would;</li>
 *   <li>422 on start, or a number the SDK refuses before any HTTP call: {@code INVALID_NUMBER};</li>
 *   <li>429: {@code RATE_LIMITED}; 401, 402, 403: {@code MISCONFIGURED}, logged at SEVERE;</li>
 *   <li>5xx, timeouts, refused connections, unreadable answers, and any status Verify does not
 *       document for the call: {@code UNAVAILABLE}, logged at WARNING.</li>
 * </ul>
 * A code that cannot be one (not 4 to 10 letters or digits, Verify's own bounds) is a wrong code
 * without asking Vonage. {@link #cancel} never throws.
 *
 * <p>Logs go to {@code com.videoapi.portal.security}, and never hold a code, a credential or a full
 * phone number (numbers are masked as everywhere, {@code +44 •••• ••0000}).
 */
public class VonageVerificationGateway implements VerificationGateway {

    static final int CODE_LENGTH = 6;

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");
    private static final System.Logger OPERATOR_ALERTS = System.getLogger("com.videoapi.portal.security");

    // At FINE the SDK dumps each request's headers, Authorization included: our Basic credentials or
    // JWT. Capped so that turning com.vonage up to debug cannot leak them; held in a field because
    // java.util.logging forgets the level of a logger no one references.
    private static final Logger SDK_REQUEST_DUMP = Logger.getLogger(AbstractMethod.class.getName());

    // Verify v2's bounds on a code (OpenAPI schema CheckCodeByCode.code); ours are 6 digits.
    private static final Pattern POSSIBLE_CODE = Pattern.compile("[A-Za-z0-9]{4,10}");

    private final Verify2Client verify;
    private final String brand;

    /**
     * @throws IllegalArgumentException when the settings hold no complete pair of credentials
     * @throws IllegalStateException when the SDK refuses them (application id not a UUID, key unreadable)
     */
    public VonageVerificationGateway(VonageSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (!settings.hasCredentials()) {
            throw new IllegalArgumentException("No Vonage credentials: set vonage.api-key and vonage.api-secret, "
                    + "or vonage.application-id and vonage.private-key-path");
        }
        if (SDK_REQUEST_DUMP.getLevel() == null || SDK_REQUEST_DUMP.getLevel().intValue() < Level.INFO.intValue()) {
            SDK_REQUEST_DUMP.setLevel(Level.INFO);
        }
        this.brand = settings.brand();
        this.verify = createClient(settings).getVerify2Client();
    }

    private static VonageClient createClient(VonageSettings settings) {
        VonageClient.Builder builder = VonageClient.builder().httpConfig(HttpConfig.builder()
                .apiBaseUri(settings.apiBaseUrl())
                // Connect, pool and read timeouts alike; the SDK's default of 60 s is too long for a sign-in page.
                .timeoutMillis(Math.toIntExact(settings.timeout().toMillis()))
                .build());
        try {
            // Only complete pairs: the SDK refuses half a pair. With both, it signs Verify calls with the JWT.
            if (settings.hasApiKeyCredentials()) {
                builder.apiKey(settings.apiKey()).apiSecret(settings.apiSecret());
            }
            if (settings.hasApplicationCredentials()) {
                builder.applicationId(settings.applicationId()).privateKeyPath(settings.privateKeyPath());
            }
            return builder.build();
        } catch (RuntimeException e) {
            // The SDK's messages name the key file at most, never its contents or the secret.
            throw new IllegalStateException("Cannot create the Vonage client from " + settings + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String start(String e164Number, Locale language) throws VerificationFailure {
        return send(smsVerificationTo(e164Number, language), e164Number);
    }

    /**
     * "Call me instead" starts a <em>new</em> verification whose one workflow is {@code voice}, after
     * the caller cancelled the text message's ({@code Verifications} does), rather than moving the
     * running one on with {@code POST /v2/verify/{id}/next_workflow}. Why:
     * <ul>
     *   <li>the SDK 9.3.1's {@code Verify2Client.nextWorkflow} posts to {@code /next-workflow}, but the
     *       API's path is {@code /next_workflow} (fixed only in 9.4.1), so it would always fail;</li>
     *   <li>{@code next_workflow} only moves to a workflow the request named when it started; adding a
     *       voice workflow to every SMS request would change the SMS path (and Verify would call on its
     *       own after {@code channel_timeout}), which stays as it is;</li>
     *   <li>a new request is what the OpenAPI document's {@code POST /v2/verify} offers for any channel,
     *       with every error status documented, checked and cancelled like any other.</li>
     * </ul>
     * The same errors as {@link #start} mean the same (a 409 when the text message's verification
     * could not be cancelled yet: Verify cancels only 30 s after a start, the resend cooldown).
     */
    @Override
    public String call(String e164Number, Locale language) throws VerificationFailure {
        if (e164Number == null) {
            throw new VerificationFailure(INVALID_NUMBER, 0, "No number to call", null);
        }
        Workflow voice;
        try {
            voice = new VoiceWorkflow(e164Number);
        } catch (IllegalArgumentException e) {
            // Not chained: the SDK's message holds the whole number.
            throw new VerificationFailure(INVALID_NUMBER, 0, "Not an E.164 number: " + MaskedPhoneNumber.of(e164Number), null);
        }
        return send(verificationTo(e164Number, voice, language), e164Number);
    }

    private String send(VerificationRequest request, String e164Number) throws VerificationFailure {
        try {
            UUID requestId = verify.sendVerification(request).getRequestId();
            if (requestId == null) {
                throw unavailable("start", 202, "answered 202 without a request_id", null);
            }
            LOG.fine(() -> "Verification " + requestId + " started for " + MaskedPhoneNumber.of(e164Number));
            return requestId.toString();
        } catch (VerifyResponseException e) {
            throw startRefused(e, e164Number);
        } catch (VonageClientException | VonageUnexpectedException e) {
            throw unavailable("start", 0, describe(e), e);
        }
    }

    private VerificationRequest smsVerificationTo(String e164Number, Locale language) throws VerificationFailure {
        if (e164Number == null) {
            throw new VerificationFailure(INVALID_NUMBER, 0, "No number to send a code to", null);
        }
        Workflow sms;
        try {
            sms = SmsWorkflow.builder(e164Number).build();
        } catch (IllegalArgumentException e) {
            // Not chained: the SDK's message holds the whole number.
            LOG.fine(() -> "Not an E.164 number, no code sent: " + MaskedPhoneNumber.of(e164Number));
            throw new VerificationFailure(INVALID_NUMBER, 0, "Not an E.164 number: " + MaskedPhoneNumber.of(e164Number), null);
        }
        return verificationTo(e164Number, sms, language);
    }

    /** One workflow, the brand and the code length: the same for a text message and a call. */
    private VerificationRequest verificationTo(String e164Number, Workflow workflow, Locale language) throws VerificationFailure {
        try {
            VerificationRequest.Builder request = VerificationRequest.builder()
                    .brand(brand)
                    .codeLength(CODE_LENGTH)
                    .addWorkflow(workflow);
            if (language != null) {
                request.locale(verifyLocaleOf(language));
            }
            return request.build();
        } catch (IllegalArgumentException e) {
            // Not chained: the SDK's message holds the whole number.
            LOG.fine(() -> "Not an E.164 number, no code sent: " + MaskedPhoneNumber.of(e164Number));
            throw new VerificationFailure(INVALID_NUMBER, 0, "Not an E.164 number: " + MaskedPhoneNumber.of(e164Number), null);
        }
    }

    /**
     * The Verify locale (its text message's language) for the person's: {@code de-de} for German,
     * {@code en-gb} for British English, {@code en-us} (Verify's own default) for any other. Verify
     * knows a fixed list of locales; the portal speaks English and German.
     */
    static Locale verifyLocaleOf(Locale language) {
        if ("de".equals(language.getLanguage())) {
            return Locale.GERMANY;
        }
        return "GB".equals(language.getCountry()) ? Locale.UK : Locale.US;
    }

    private VerificationFailure startRefused(VerifyResponseException e, String e164Number) {
        return switch (e.getStatusCode()) {
            case 409 -> {
                String running = e.getRequestId() == null ? null : e.getRequestId().toString();
                LOG.fine(() -> "Verification " + running + " already running for " + MaskedPhoneNumber.of(e164Number));
                yield new VerificationFailure(ALREADY_RUNNING, 409,
                        "A verification is already running for " + MaskedPhoneNumber.of(e164Number), e);
            }
            case 422 -> {
                LOG.fine(() -> "Vonage will not send to " + MaskedPhoneNumber.of(e164Number) + ": " + e.getTitle());
                yield new VerificationFailure(INVALID_NUMBER, 422,
                        "Vonage will not send to " + MaskedPhoneNumber.of(e164Number) + " (" + e.getTitle() + ")", e);
            }
            case 404 -> misconfigured("start", e);
            default -> refused("start", e);
        };
    }

    @Override
    public CodeCheck check(String requestId, String code) throws VerificationFailure {
        UUID id = requestIdOrNull(requestId);
        if (id == null) {
            throw new VerificationFailure(NOT_FOUND, 0, "Not a Vonage request id", null);
        }
        if (code == null || !POSSIBLE_CODE.matcher(code).matches()) {
            LOG.fine(() -> "Verification " + id + ": not a possible code, not sent to Vonage");
            return CodeCheck.WRONG_CODE;
        }
        try {
            verify.checkVerificationCode(id, code);
            LOG.fine(() -> "Verification " + id + " confirmed");
            return CodeCheck.CONFIRMED;
        } catch (VerifyResponseException e) {
            if (e.getStatusCode() == 400) {
                LOG.fine(() -> "Verification " + id + ": wrong code");
                return CodeCheck.WRONG_CODE;
            }
            throw checkRefused(e, id);
        } catch (VonageClientException | VonageUnexpectedException e) {
            throw unavailable("check", 0, describe(e), e);
        }
    }

    private VerificationFailure checkRefused(VerifyResponseException e, UUID id) {
        return switch (e.getStatusCode()) {
            case 404 -> {
                LOG.fine(() -> "Verification " + id + " unknown to Vonage or finished");
                yield new VerificationFailure(NOT_FOUND, 404, "Verification " + id + " unknown or finished", e);
            }
            case 409, 410 -> {
                LOG.fine(() -> "Verification " + id + " can take no more codes (" + e.getStatusCode() + ")");
                yield new VerificationFailure(EXPIRED_OR_USED_UP, e.getStatusCode(),
                        "Verification " + id + " expired or used up (" + e.getTitle() + ")", e);
            }
            default -> refused("check", e);
        };
    }

    /** The statuses every call shares: credentials and account, rate limit, Vonage's own failures. */
    private VerificationFailure refused(String operation, VerifyResponseException e) {
        int status = e.getStatusCode();
        if (status == 401 || status == 402 || status == 403) {
            return misconfigured(operation, e);
        }
        if (status == 429) {
            LOG.warning(() -> "Vonage Verify v2 rate-limited " + operation + " (429)");
            return new VerificationFailure(RATE_LIMITED, 429, "Vonage Verify v2 rate-limited " + operation, e);
        }
        // 5xx, or a status Verify does not document for this call: the API changed, or something
        // between us and Vonage answered; either way, try later.
        return unavailable(operation, status, "answered " + status + " (" + e.getTitle() + ")", e);
    }

    private static VerificationFailure misconfigured(String operation, VerifyResponseException e) {
        String message = "Vonage Verify v2 refused " + operation + " with " + e.getStatusCode() + " (" + e.getTitle()
                + "), trace " + e.getInstance() + ": check vonage.* credentials, base URL and the account's balance";
        // System.Logger, so that WildFly prints it as ERROR (JUL's SEVERE keeps its own name there).
        OPERATOR_ALERTS.log(System.Logger.Level.ERROR, message);
        return new VerificationFailure(MISCONFIGURED, e.getStatusCode(), message, e);
    }

    private static VerificationFailure unavailable(String operation, int status, String what, Throwable cause) {
        String message = "Vonage Verify v2 unavailable on " + operation + ": " + what;
        LOG.warning(message);
        return new VerificationFailure(UNAVAILABLE, status, message, cause);
    }

    /** Never throws: logs why at FINE (already gone) or WARNING/SEVERE (could not ask). */
    @Override
    public void cancel(String requestId) {
        UUID id = requestIdOrNull(requestId);
        if (id == null) {
            LOG.fine("Not cancelling: not a Vonage request id");
            return;
        }
        try {
            verify.cancelVerification(id);
            LOG.fine(() -> "Verification " + id + " cancelled");
        } catch (VerifyResponseException e) {
            int status = e.getStatusCode();
            if (status == 404) {
                LOG.fine(() -> "Verification " + id + " already finished or unknown; nothing to cancel");
            } else if (status == 401 || status == 402 || status == 403) {
                misconfigured("cancel", e);
            } else {
                LOG.warning(() -> "Verification " + id + " not cancelled: " + status + " (" + e.getTitle() + ")");
            }
        } catch (RuntimeException e) {
            // The caller has moved on either way; a verification left running expires on its own.
            LOG.warning(() -> "Verification " + id + " not cancelled: " + describe(e));
        }
    }

    private static UUID requestIdOrNull(String requestId) {
        try {
            return requestId == null ? null : UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The exception and its cause in a line, e.g. a SocketTimeoutException under the SDK's wrapper. */
    private static String describe(Throwable e) {
        Throwable cause = e.getCause();
        return e.getClass().getSimpleName() + (cause == null ? ": " + e.getMessage()
                : " caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
