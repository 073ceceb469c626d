package com.videoapi.portal.security.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the current request comes from, for the audit trail: the peer address as the server saw it
 * and the User-Agent. The product never reads {@code X-Forwarded-For}, which anyone can write; behind
 * a reverse proxy the server puts the client's address here, for requests from a proxy it trusts only
 * ({@code ear/src/main/wildfly/configure-proxy.cli}). The authentication mechanism, which sees every
 * request, fills it in.
 */
@RequestScoped
public class RequestOrigin {

    /** An IPv4 or IPv6 literal (with a zone, maybe): parsed without asking DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private String ip;
    private String userAgent;
    private Locale language;

    public void seen(HttpServletRequest request) {
        ip = request.getRemoteAddr();
        userAgent = request.getHeader("User-Agent");
        language = request.getHeader("Accept-Language") == null ? null : request.getLocale();
    }

    /** The browser's first language (Accept-Language), or null when it named none: for mails this request causes. */
    public Locale language() {
        return language;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    /**
     * The source the request is counted against by throttles and password locks: the address, or
     * for IPv6 its /64 (one subscriber's network, which hands out addresses by the billion).
     */
    public String source() {
        return sourceOf(ip);
    }

    /** As {@link #source()}, for an address as {@link HttpServletRequest#getRemoteAddr()} gives it. */
    public static String sourceOf(String address) {
        if (address == null || address.isBlank() || !IP_LITERAL.matcher(address).matches()) {
            return "unknown";
        }
        try {
            InetAddress parsed = InetAddress.getByName(address.replaceFirst("%.*", ""));
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException unreadable) {
            return "unknown";
        }
    }
}
