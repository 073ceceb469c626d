package com.videoapi.portal.web.outage;

import com.videoapi.portal.platform.outage.DatabaseOutageRetry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Answers {@code 503 Service Unavailable} with a {@code Retry-After} when a request failed because
 * the database is out of reach, so the person reads "try again in a few minutes" on the error page
 * instead of a generic failure. The request's transaction did not commit: what it was to change is
 * unchanged (for instance two-factor authentication stays off until a code is confirmed with the
 * database up).
 *
 * <p>Other failures pass through untouched, to the error page's generic message. Nothing can be said
 * once part of a page has been sent; then the failure passes through too.
 */
@WebFilter(filterName = "DatabaseOutageFilter", urlPatterns = "/*")
public class DatabaseOutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.web");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            Optional<SQLException> outage = DatabaseOutage.causeOf(failure);
            if (outage.isEmpty() || response.isCommitted()) {
                throw failure;
            }
            LOG.warning(() -> "Database out of reach: answered 503 to " + request.getMethod() + " "
                    + request.getRequestURI() + " (SQL state " + outage.get().getSQLState() + ": "
                    + outage.get().getMessage() + ")");
            response.setHeader("Retry-After", DatabaseOutageRetry.header());
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
