package com.videoapi.portal.security.trusteddevices.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A name for a browser that its owner recognises in the list of trusted devices, e.g. "Chrome on
 * Windows", read from the User-Agent header. The header is the browser's own claim and only a hint:
 * nothing is decided by it.
 */
public final class DeviceLabel {

    public static final int MAX_LENGTH = 100;

    /** Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari". */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("edg/", "Edge"),
            Map.entry("opr/", "Opera"),
            Map.entry("firefox/", "Firefox"),
            Map.entry("chromium/", "Chromium"),
            Map.entry("headlesschrome/", "Chrome"),
            Map.entry("chrome/", "Chrome"),
            Map.entry("crios/", "Chrome"),
            Map.entry("safari/", "Safari"));

    /** Order matters: Android also says "Linux", iOS also says "Mac OS X". */
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("android", "Android"),
            Map.entry("iphone", "iPhone"),
            Map.entry("ipad", "iPad"),
            Map.entry("windows", "Windows"),
            Map.entry("cros", "ChromeOS"),
            Map.entry("mac os x", "macOS"),
            Map.entry("macintosh", "macOS"),
            Map.entry("linux", "Linux"));

    private DeviceLabel() {
    }

    public static String fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = firstMatch(BROWSERS, ua);
        String system = firstMatch(SYSTEMS, ua);
        String label;
        if (browser != null && system != null) {
            label = browser + " on " + system;
        } else if (browser != null) {
            label = browser;
        } else if (system != null) {
            label = "Browser on " + system;
        } else {
            label = "Unknown browser";
        }
        return label.length() > MAX_LENGTH ? label.substring(0, MAX_LENGTH) : label;
    }

    private static String firstMatch(List<Map.Entry<String, String>> names, String ua) {
        return names.stream().filter(n -> ua.contains(n.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
