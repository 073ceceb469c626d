package com.videoapi.portal.security.verification.control;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the product reaches Vonage Verify v2, from MicroProfile Config ({@link #fromConfig}):
 *
 * <ul>
 *   <li>{@code vonage.api-key} and {@code vonage.api-secret}: Basic authentication; or
 *       {@code vonage.application-id} and {@code vonage.private-key-path}: a JWT signed with the
 *       application's key (the SDK prefers it when both pairs are set);</li>
 *   <li>{@code vonage.api-base-url}: default {@value #DEFAULT_API_BASE_URL}; a regional endpoint, or
 *       a local fake in tests;</li>
 *   <li>{@code vonage.brand}: the sender name in the SMS, default {@value #DEFAULT_BRAND}, at most
 *       18 characters and none of {@code / { } : $} (Verify v2 answers 422 otherwise);</li>
 *   <li>{@code vonage.timeout}: ISO-8601 ({@code PT10S}) or whole seconds ({@code 10}), default 10 s:
 *       the SDK's own 60 s is far too long for someone waiting on a sign-in page.</li>
 * </ul>
 *
 * <p>Blank values count as absent. Invalid values are refused at construction with an
 * {@link IllegalArgumentException} naming the property. {@link #toString()} masks the secret and the
 * key path, so the settings can be logged.
 */
public record VonageSettings(String apiKey, String apiSecret, String applicationId, String privateKeyPath,
                             String apiBaseUrl, String brand, Duration timeout) {

    public static final String DEFAULT_API_BASE_URL = "https://api.nexmo.com";
    public static final String DEFAULT_BRAND = "Video API";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Verify v2's limit on {@code brand} (OpenAPI schema {@code Brand}). */
    public static final int MAX_BRAND_LENGTH = 18;

    // Verify v2 refuses a brand containing any of these with a 422 (OpenAPI schema Brand).
    private static final Pattern BRAND_FORBIDDEN = Pattern.compile("[/{}:$]");
    private static final Pattern WHOLE_SECONDS = Pattern.compile("\\d+");
    // The SDK refuses less (HttpConfig), and takes the timeout as an int of milliseconds.
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /**
     * Null or blank optional values take their defaults; credentials stay absent.
     *
     * @throws IllegalArgumentException when the brand, base URL or timeout is unusable
     */
    public VonageSettings {
        apiKey = blankToNull(apiKey);
        apiSecret = blankToNull(apiSecret);
        applicationId = blankToNull(applicationId);
        privateKeyPath = blankToNull(privateKeyPath);
        apiBaseUrl = blankToNull(apiBaseUrl) == null ? DEFAULT_API_BASE_URL : requireHttpUrl(apiBaseUrl.strip());
        brand = blankToNull(brand) == null ? DEFAULT_BRAND : requireBrand(brand.strip());
        timeout = timeout == null ? DEFAULT_TIMEOUT : requireTimeout(timeout);
    }

    /** Reads the {@code vonage.*} properties; none is required here (see {@link #hasCredentials()}). */
    public static VonageSettings fromConfig(Config config) {
        return new VonageSettings(
                value(config, "vonage.api-key"),
                value(config, "vonage.api-secret"),
                value(config, "vonage.application-id"),
                value(config, "vonage.private-key-path"),
                value(config, "vonage.api-base-url"),
                value(config, "vonage.brand"),
                parseTimeout(value(config, "vonage.timeout")));
    }

    /** Whether either complete pair of credentials is present: key and secret, or application id and key path. */
    public boolean hasCredentials() {
        return hasApiKeyCredentials() || hasApplicationCredentials();
    }

    /** Key and secret, for Basic authentication. */
    public boolean hasApiKeyCredentials() {
        return apiKey != null && apiSecret != null;
    }

    /** Application id and private key path, for JWT authentication. */
    public boolean hasApplicationCredentials() {
        return applicationId != null && privateKeyPath != null;
    }

    /**
     * Half pairs of credentials: each entry names the property set and the one missing, never a value.
     * Empty when no credential is set, or every one set is part of a complete pair. A half pair is a
     * mistake whatever else is set: without a complete pair the development channel is chosen and no
     * SMS is sent; beside one, it is ignored.
     */
    public List<String> incompleteCredentials() {
        List<String> problems = new ArrayList<>();
        halfPair(problems, apiKey, "vonage.api-key", apiSecret, "vonage.api-secret");
        halfPair(problems, applicationId, "vonage.application-id", privateKeyPath, "vonage.private-key-path");
        return List.copyOf(problems);
    }

    private static void halfPair(List<String> problems, String first, String firstName, String second, String secondName) {
        if (first != null && second == null) {
            problems.add(firstName + " is set without " + secondName);
        } else if (second != null && first == null) {
            problems.add(secondName + " is set without " + firstName);
        }
    }

    /**
     * Parses {@code vonage.timeout}: ISO-8601 ({@code PT0.3S}) or whole seconds ({@code 10}).
     *
     * @return null when absent, so that the default applies
     * @throws IllegalArgumentException when it is neither
     */
    static Duration parseTimeout(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        try {
            return WHOLE_SECONDS.matcher(trimmed).matches()
                    ? Duration.ofSeconds(Long.parseLong(trimmed))
                    : Duration.parse(trimmed);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("vonage.timeout must be ISO-8601 like PT10S or whole seconds like 10, not '"
                    + trimmed + "'", e);
        }
    }

    @Override
    public String toString() {
        return "VonageSettings[apiKey=" + apiKey
                + ", apiSecret=" + masked(apiSecret)
                + ", applicationId=" + applicationId
                + ", privateKeyPath=" + masked(privateKeyPath)
                + ", apiBaseUrl=" + apiBaseUrl
                + ", brand=" + brand
                + ", timeout=" + timeout + "]";
    }

    private static String value(Config config, String name) {
        return config.getOptionalValue(name, String.class).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String masked(String value) {
        return value == null ? null : "***";
    }

    private static String requireBrand(String brand) {
        if (brand.length() > MAX_BRAND_LENGTH) {
            throw new IllegalArgumentException("vonage.brand must be at most " + MAX_BRAND_LENGTH
                    + " characters (Verify v2 limit), but '" + brand + "' has " + brand.length());
        }
        if (BRAND_FORBIDDEN.matcher(brand).find()) {
            throw new IllegalArgumentException("vonage.brand must not contain / { } : or $ (Verify v2 refuses them), but is '"
                    + brand + "'");
        }
        return brand;
    }

    private static String requireHttpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vonage.api-base-url is not a URL: '" + url + "'", e);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("vonage.api-base-url must be an absolute http(s) URL, not '" + url + "'");
        }
        return url;
    }

    private static Duration requireTimeout(Duration timeout) {
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("vonage.timeout must be between " + MIN_TIMEOUT + " and "
                    + MAX_TIMEOUT + ", not " + timeout);
        }
        return timeout;
    }
}
