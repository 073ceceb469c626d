package com.videoapi.portal.web.notices;

import com.videoapi.portal.security.notices.boundary.AccountSecuring;
import com.videoapi.portal.security.passwordreset.boundary.LinkState;
import com.videoapi.portal.web.forms.Words;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;

/**
 * The page a "This wasn't me" link opens: what the notice reported, one button that secures the
 * account ({@link AccountSecuring}), then what was done and what to do next. Opening it changes
 * nothing, as mail scanners open links too.
 */
@Named("secureAccount")
@ViewScoped
public class SecureAccountPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountSecuring securing;

    private String token;
    private AccountSecuring.Opened opened;
    private AccountSecuring.Outcome outcome;

    public void open() {
        if (!faces().isPostback() && opened == null) {
            opened = securing.open(token);
        }
    }

    public void secure() {
        outcome = securing.secure(token);
    }

    public boolean isUsable() {
        return opened != null && opened.usable() && outcome == null;
    }

    public boolean isSecured() {
        return outcome != null && outcome.secured();
    }

    public boolean isTwoFactorRestored() {
        return outcome != null && outcome.twoFactorRestored();
    }

    /** Why the link does nothing, or "" while it may. */
    public String getRefusal() {
        LinkState state = outcome != null ? outcome.link() : opened == null ? LinkState.UNKNOWN : opened.state();
        return switch (state) {
            case USABLE -> "";
            case USED -> Words.of("secure.link.USED");
            case EXPIRED -> Words.of("secure.link.EXPIRED");
            case REPLACED -> Words.of("secure.link.REPLACED");
            case UNKNOWN -> Words.of("secure.link.UNKNOWN");
        };
    }

    /** What the notice reported, in the page's language. */
    public String getReported() {
        return opened == null || opened.reported() == null ? "" : Words.of(opened.reported());
    }

    /** When the reported change happened, or null. */
    public Instant getReportedAt() {
        return opened == null ? null : opened.reportedAt();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        if (this.token == null) {
            this.token = token;
        }
    }

    /**
     * Looked up per request, not injected: this bean travels between cluster nodes with the session,
     * and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
