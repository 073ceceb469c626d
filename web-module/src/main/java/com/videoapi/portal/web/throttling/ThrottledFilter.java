package com.videoapi.portal.web.throttling;

import com.videoapi.portal.security.guards.boundary.Throttled;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Answers a request that security-module refused before hashing any password ({@link Throttled}):
 * {@code 429 Too Many Requests} when its client address asked too often, {@code 503 Service
 * Unavailable} when every hashing slot stayed taken; both with {@code Retry-After}, and the error page
 * says "try again in a moment". Nothing was checked or changed. Other failures pass through.
 */
@WebFilter(filterName = "ThrottledFilter", urlPatterns = "/*")
public class ThrottledFilter extends HttpFilter {

    /** Request attribute for the error page: the {@link Throttled.Reason} of the refusal. */
    public static final String REASON = "portal.throttled";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.web");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            Optional<Throttled> throttled = Throttled.behind(failure);
            if (throttled.isEmpty() || response.isCommitted()) {
                throw failure;
            }
            Throttled refusal = throttled.get();
            boolean busy = refusal.reason() == Throttled.Reason.SERVER_BUSY;
            LOG.fine(() -> "Throttled " + request.getMethod() + " " + request.getRequestURI() + ": " + refusal.reason());
            request.setAttribute(REASON, refusal.reason().name());
            response.setHeader("Retry-After", Long.toString(refusal.retryAfter().toSeconds()));
            response.sendError(busy ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : 429);
        }
    }
}
