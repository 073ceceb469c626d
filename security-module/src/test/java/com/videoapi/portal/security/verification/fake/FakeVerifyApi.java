package com.videoapi.portal.security.verification.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Vonage Verify v2 over real HTTP on 127.0.0.1, behaving as Vonage's OpenAPI document
 * says ({@code shared/vonage/verify-v2-openapi.yml}), so that tests run the real SDK against the real
 * wire format:
 *
 * <ul>
 *   <li>{@code POST /v2/verify} with {@code brand}, {@code code_length} and an SMS or a voice
 *       {@code workflow} (its first one is the channel used; {@link SentCode#channel()} records which):
 *       202 {@code {"request_id": "<uuid>"}}, and a code of that length "sent" or "read out" to the number; 409 when
 *       one is already running for the number (with its {@code request_id}); 422 for a bad brand,
 *       code length, channel or number;</li>
 *   <li>{@code POST /v2/verify/{request_id}} with {@code {"code": "..."}}: 200 {@code completed} for the
 *       right code; 400 for a wrong one; 410 once three wrong codes were given or after
 *       {@link #expire}; 404 for an unknown, completed or cancelled verification;</li>
 *   <li>{@code DELETE /v2/verify/{request_id}}: 204 for a running verification, 404 otherwise (the real
 *       API's "not in the first 30 seconds" rule is not imitated);</li>
 *   <li>every request without {@code Authorization: Basic ...} or {@code Bearer ...}: 401.</li>
 * </ul>
 * Errors are {@code application/problem+json} with {@code type}, {@code title}, {@code detail} and
 * {@code instance}, as the OpenAPI document gives them.
 *
 * <p>Self-contained (JDK and Jackson only) and thread-safe: unit tests use it in-process, and the
 * integration tests point a WildFly in another JVM at {@link #baseUrl()}. The controls
 * ({@link #failNextWith}, {@link #answerNextWithGarbage}, {@link #delayNextBy}) each apply to the next
 * request only, whichever it is; they combine (a delay, then a failure).
 */
public final class FakeVerifyApi implements AutoCloseable {

    /** Three wrong codes per verification, then 410 (Verify v2). */
    public static final int WRONG_CODES_ALLOWED = 3;

    private static final String VERIFY_PATH = "/v2/verify";
    private static final Pattern ONE_VERIFICATION = Pattern.compile("/v2/verify/([^/]+)/?");
    // E.164 as Verify v2 takes it: country code first, no leading + or 00 (OpenAPI schema To).
    private static final Pattern E164_DIGITS = Pattern.compile("[1-9]\\d{6,14}");
    private static final Pattern BRAND_FORBIDDEN = Pattern.compile("[/{}:$]");
    private static final String ERRORS = "https://developer.vonage.com/en/api-errors";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();

    private final Object lock = new Object();
    private int wrongCodesAllowed = WRONG_CODES_ALLOWED;
    private final List<ReceivedRequest> received = new ArrayList<>();
    private final List<SentCode> sent = new ArrayList<>();
    private final Map<String, Verification> verifications = new HashMap<>();
    private final Map<String, String> runningByNumber = new HashMap<>();
    private int nextStatus;
    private int nextStatusTimes;
    private boolean nextGarbage;
    private Duration nextDelay = Duration.ZERO;
    /** Counts the resets: a request delayed across one belongs to the test before and is forgotten too. */
    private long generation;

    private FakeVerifyApi(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        // A thread per exchange, so that one delayed answer does not hold up the others.
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-verify-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1. */
    public static FakeVerifyApi start() {
        return start(0);
    }

    /** Starts on the given port of 127.0.0.1 (0: a free one). */
    public static FakeVerifyApi start(int port) {
        try {
            return new FakeVerifyApi(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** What {@code vonage.api-base-url} should be, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once; requests then meet a refused connection. Idempotent. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Forgets every verification, code, request and pending control; a request still being delayed
     * ({@link #delayNextBy}) then changes nothing when it wakes (its client gave up long ago).
     */
    public void reset() {
        synchronized (lock) {
            generation++;
            received.clear();
            sent.clear();
            verifications.clear();
            runningByNumber.clear();
            nextStatus = 0;
            nextStatusTimes = 0;
            nextGarbage = false;
            nextDelay = Duration.ZERO;
            wrongCodesAllowed = WRONG_CODES_ALLOWED;
        }
    }

    /**
     * How many wrong codes a verification takes before it ends (Verify's own is 3); more lets a test
     * reach the product's own limit first. {@link #reset()} restores Verify's.
     */
    public void allowWrongCodes(int count) {
        synchronized (lock) {
            wrongCodesAllowed = count;
        }
    }

    /** The next request, whichever it is, answers with this status and a problem+json body, changing nothing. */
    public void failNextWith(int status) {
        failNextWith(status, 1);
    }

    /** The next {@code times} requests, whichever they are, answer with this status, changing nothing. */
    public void failNextWith(int status, int times) {
        if (status < 400 || status > 599 || times < 1) {
            throw new IllegalArgumentException("Not an error status: " + status + ", or no requests: " + times);
        }
        synchronized (lock) {
            nextStatus = status;
            nextStatusTimes = times;
        }
    }

    /** The next request answers 200 with an HTML body, as a misrouted proxy might, changing nothing. */
    public void answerNextWithGarbage() {
        synchronized (lock) {
            nextGarbage = true;
        }
    }

    /** The next request is answered only after this delay (to provoke the client's timeout). */
    public void delayNextBy(Duration delay) {
        synchronized (lock) {
            nextDelay = Objects.requireNonNull(delay);
        }
    }

    /** The verification can take no more codes: the next check answers 410. */
    public void expire(String requestId) {
        synchronized (lock) {
            Verification verification = verifications.get(requestId);
            if (verification == null) {
                throw new IllegalArgumentException("No verification " + requestId);
            }
            verification.state = State.EXPIRED;
            runningByNumber.remove(verification.to, requestId);
        }
    }

    /**
     * The code last "sent" to the number, with or without its leading {@code +}; null when none was.
     */
    public String lastCodeSentTo(String e164Number) {
        String to = withoutPlus(e164Number);
        synchronized (lock) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i).to().equals(to)) {
                    return sent.get(i).code();
                }
            }
            return null;
        }
    }

    /**
     * The code last "sent" to the number, with its request id; null when none was. Not the last of
     * {@link #codesSent()}: a request another test delayed may have sent one since.
     */
    public SentCode lastSentTo(String e164Number) {
        String to = withoutPlus(e164Number);
        synchronized (lock) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i).to().equals(to)) {
                    return sent.get(i);
                }
            }
            return null;
        }
    }

    /** Every code "sent", by SMS or read out in a voice call ({@link SentCode#channel()}), oldest first. */
    public List<SentCode> codesSent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /** Every request that reached the fake, answered or not, oldest first. */
    public List<ReceivedRequest> requestsReceived() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** A request as it arrived; {@code authScheme} is {@code Basic}, {@code Bearer} or null, never the credentials. */
    public record ReceivedRequest(String method, String path, String authScheme, String body) {
    }

    /**
     * A code the fake "sent": to the number as Verify takes it (no {@code +}), by the channel of the
     * request's first workflow ({@code sms} or {@code voice}), with what the start request asked for; {@code locale} as sent ({@code de-de}), or null when the request named none.
     */
    public record SentCode(String requestId, String to, String channel, String brand, int codeLength, String code,
                           String locale) {
    }

    private enum State { RUNNING, COMPLETED, EXPIRED, CANCELLED }

    private static final class Verification {
        final String id;
        final String to;
        final String code;
        int wrongCodes;
        State state = State.RUNNING;

        Verification(String id, String to, String code) {
            this.id = id;
            this.to = to;
            this.code = code;
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            send(exchange, answer(exchange));
        } catch (IOException e) {
            // The client gave up (timeout) or the fake is stopping: nothing to answer to.
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String authScheme = authScheme(exchange.getRequestHeaders().getFirst("Authorization"));

        int failWith;
        boolean garbage;
        Duration delay;
        long receivedIn;
        synchronized (lock) {
            receivedIn = generation;
            received.add(new ReceivedRequest(method, path, authScheme, body));
            failWith = nextStatus;
            garbage = nextGarbage;
            delay = nextDelay;
            if (--nextStatusTimes <= 0) {
                nextStatus = 0;
                nextStatusTimes = 0;
            }
            nextGarbage = false;
            nextDelay = Duration.ZERO;
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Stopped while delaying", e);
            }
            synchronized (lock) {
                if (generation != receivedIn) {
                    return problem(503, "Forgotten by a reset while it was delayed");
                }
            }
        }

        if (garbage) {
            return new Answer(200, "text/html", "<html><body>502 Bad Gateway (not JSON)</body></html>");
        }
        if (failWith != 0) {
            return problem(failWith, "Failure injected by the test");
        }
        if (authScheme == null) {
            return problem(401, "You did not provide correct credentials.");
        }
        try {
            return route(method, path, body);
        } catch (RuntimeException e) {
            // A bug in the fake: say so loudly rather than look like a network failure.
            e.printStackTrace();
            return problem(500, "The fake failed: " + e);
        }
    }

    private Answer route(String method, String path, String body) {
        if (path.equals(VERIFY_PATH) || path.equals(VERIFY_PATH + "/")) {
            return "POST".equals(method) ? startVerification(body) : problem(405, "Method not allowed");
        }
        Matcher one = ONE_VERIFICATION.matcher(path);
        if (one.matches()) {
            String requestId = one.group(1);
            switch (method) {
                case "POST":
                    return checkCode(requestId, body);
                case "DELETE":
                    return cancel(requestId);
                default:
                    return problem(405, "Method not allowed");
            }
        }
        return problem(404, "No such resource in the fake Verify v2 API.");
    }

    private Answer startVerification(String body) {
        JsonNode request = readJson(body);
        if (request == null) {
            return invalidParams("body", "Not a JSON object");
        }
        String brand = request.path("brand").asText("");
        if (brand.isEmpty() || brand.length() > 18 || BRAND_FORBIDDEN.matcher(brand).find()) {
            return invalidParams("brand", "Brand is required, at most 18 characters, none of / { } : $");
        }
        int codeLength = request.path("code_length").asInt(4);
        String locale = request.hasNonNull("locale") ? request.get("locale").asText() : null;
        if (codeLength < 4 || codeLength > 10) {
            return invalidParams("code_length", "Must be between 4 and 10");
        }
        JsonNode workflow = request.path("workflow");
        if (!workflow.isArray() || workflow.isEmpty() || workflow.size() > 3) {
            return invalidParams("workflow", "One to three workflows are required");
        }
        JsonNode first = workflow.get(0);
        String channel = first.path("channel").asText("");
        if (!"sms".equals(channel) && !"voice".equals(channel)) {
            return invalidParams("workflow[0].channel", "The fake sends SMS and makes voice calls only");
        }
        String to = first.path("to").asText("");
        if (!E164_DIGITS.matcher(to).matches()) {
            return invalidParams("workflow[0].to", "Invalid phone number");
        }

        synchronized (lock) {
            String running = runningByNumber.get(to);
            if (running != null) {
                ObjectNode conflict = problemBody(409, "Concurrent verifications to the same number are not allowed.");
                conflict.put("request_id", running);
                return new Answer(409, "application/problem+json", conflict.toString());
            }
            String requestId = UUID.randomUUID().toString();
            String code = randomDigits(codeLength);
            verifications.put(requestId, new Verification(requestId, to, code));
            runningByNumber.put(to, requestId);
            sent.add(new SentCode(requestId, to, channel, brand, codeLength, code, locale));
            return json(202, JSON.createObjectNode().put("request_id", requestId));
        }
    }

    private Answer checkCode(String requestId, String body) {
        JsonNode request = readJson(body);
        String code = request == null ? "" : request.path("code").asText("");
        synchronized (lock) {
            Verification verification = verifications.get(requestId);
            if (verification == null || verification.state == State.COMPLETED || verification.state == State.CANCELLED) {
                return problem(404, "Request '" + requestId + "' was not found or it has been verified already.");
            }
            if (verification.state == State.EXPIRED) {
                return problem(410, "An incorrect code has been provided too many times. Workflow terminated.");
            }
            if (!verification.code.equals(code)) {
                verification.wrongCodes++;
                if (verification.wrongCodes >= wrongCodesAllowed) {
                    // The third wrong code ends the workflow; the number is free for a new verification.
                    verification.state = State.EXPIRED;
                    runningByNumber.remove(verification.to, requestId);
                }
                return problem(400, "The code you provided does not match the expected value.");
            }
            verification.state = State.COMPLETED;
            runningByNumber.remove(verification.to, requestId);
            return json(200, JSON.createObjectNode().put("request_id", requestId).put("status", "completed"));
        }
    }

    private Answer cancel(String requestId) {
        synchronized (lock) {
            Verification verification = verifications.get(requestId);
            if (verification == null || verification.state != State.RUNNING) {
                return problem(404, "Request '" + requestId + "' was not found or it has been verified already.");
            }
            verification.state = State.CANCELLED;
            runningByNumber.remove(verification.to, requestId);
            return new Answer(204, null, null);
        }
    }

    private static Answer json(int status, ObjectNode body) {
        return new Answer(status, "application/json", body.toString());
    }

    private static Answer problem(int status, String detail) {
        return new Answer(status, "application/problem+json", problemBody(status, detail).toString());
    }

    private static Answer invalidParams(String name, String reason) {
        ObjectNode body = problemBody(422, "The value of one or more parameters is invalid.");
        body.putArray("invalid_parameters").addObject().put("name", name).put("reason", reason);
        return new Answer(422, "application/problem+json", body.toString());
    }

    /** The problem details of the OpenAPI document's error schemas, by status. */
    private static ObjectNode problemBody(int status, String detail) {
        String[] typeAndTitle = switch (status) {
            case 400 -> new String[] {ERRORS + "/verify-v2#invalid-code", "Invalid Code"};
            case 401 -> new String[] {ERRORS + "#unauthorized", "Unauthorized"};
            case 402 -> new String[] {ERRORS + "/#low-balance", "Low balance"};
            case 403 -> new String[] {ERRORS + "/verify-v2#forbidden", "Forbidden"};
            case 404 -> new String[] {ERRORS + "/verify-v2#request-not-found", "Not Found"};
            case 409 -> new String[] {ERRORS + "/verify-v2#concurrent", "Conflict"};
            case 410 -> new String[] {ERRORS + "/verify-v2#expired", "Invalid Code"};
            case 422 -> new String[] {ERRORS + "#invalid-params", "Invalid params"};
            case 429 -> new String[] {ERRORS + "#throttled", "Rate Limit Hit"};
            case 500 -> new String[] {ERRORS + "#internal-error", "Internal error"};
            default -> new String[] {ERRORS, "HTTP " + status};
        };
        return JSON.createObjectNode()
                .put("type", typeAndTitle[0])
                .put("title", typeAndTitle[1])
                .put("detail", detail)
                .put("instance", UUID.randomUUID().toString());
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Basic with a key and a secret, or Bearer with a JWT's three parts; null for anything else. */
    private static String authScheme(String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length < 2) {
            return null;
        }
        if ("basic".equalsIgnoreCase(parts[0])) {
            String keyAndSecret;
            try {
                keyAndSecret = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = keyAndSecret.indexOf(':');
            return colon > 0 && colon < keyAndSecret.length() - 1 ? "Basic" : null;
        }
        if ("bearer".equalsIgnoreCase(parts[0])) {
            return parts[1].split("\\.", -1).length == 3 ? "Bearer" : null;
        }
        return null;
    }

    private String randomDigits(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    private static String withoutPlus(String e164Number) {
        return e164Number.startsWith("+") ? e164Number.substring(1) : e164Number;
    }
}
