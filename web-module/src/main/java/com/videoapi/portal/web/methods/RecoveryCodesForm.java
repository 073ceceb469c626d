package com.videoapi.portal.web.methods;

import com.videoapi.portal.security.recovery.boundary.RecoveryCodeSummary;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.profile.FreshProof;
import com.videoapi.portal.web.profile.FreshProof.NewRecoveryCodes;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import com.videoapi.portal.web.profile.FreshProof.RemoveRecoveryCodes;
import com.videoapi.portal.web.profile.PageUser;
import com.videoapi.portal.web.profile.SettingsChanged;
import com.videoapi.portal.web.profile.ShownSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The recovery codes of Security Settings. A new set is shown once, in this view only: when 2FA has
 * just been switched on (no set yet), or after "Generate new codes" (with a fresh proof of identity,
 * {@link FreshProof}); "Continue", once "I have saved these codes" is ticked, forgets them. Until then
 * "Download" sends them as a text file; "Copy" and "Print" are the browser's (recovery-codes.js).
 */
@Named("recoveryCodesForm")
@ViewScoped
public class RecoveryCodesForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    TwoFactor twoFactor;

    @Inject
    FreshProof freshProof;

    @Inject
    PageUser pageUser;

    @Inject
    ShownSettings shown;

    @Inject
    Event<SettingsChanged> changes;

    private List<String> codes = List.of();
    private boolean saved;
    private RecoveryCodeSummary summary;
    private boolean onWhenOpened;

    @PostConstruct
    void opened() {
        onWhenOpened = shown.get().status().enabled();
    }

    /** "Generate new codes": after a fresh proof, a new set replaces the old one. */
    public void generate() {
        if (!pageUser.isStillSignedIn() || !twoFactor.isEnabled(pageUser.id()) || freshProof.missingFor(new NewRecoveryCodes())) {
            return;
        }
        issue();
        Messages.info(Words.of("recovery.generated"));
    }

    /** "Remove": after a fresh proof, the codes go (2FA stays, with the number). */
    public void remove() {
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(new RemoveRecoveryCodes())) {
            return;
        }
        if (recoveryCodes.remove(pageUser.id())) {
            codes = List.of();
            summary = null;
            changes.fire(new SettingsChanged());
            Messages.info(Words.of("recovery.removed"));
        }
    }

    /** Generating or removing carries on once the person confirmed it's them. */
    void proven(@Observes Proven proven) {
        if (proven.change() instanceof NewRecoveryCodes) {
            generate();
        } else if (proven.change() instanceof RemoveRecoveryCodes) {
            remove();
        }
    }

    /**
     * 2FA switched on in this view (it was off when the page opened, and no set is kept): the first
     * set, shown below "Two-factor authentication is enabled".
     */
    void firstSet(@Observes(notifyObserver = Reception.IF_EXISTS) SettingsChanged changed) {
        summary = null;
        boolean on = twoFactor.isEnabled(pageUser.id());
        if (!onWhenOpened && on && codes.isEmpty() && !recoveryCodes.summaryOf(pageUser.id()).issued()) {
            issue();
        }
        onWhenOpened = on;
    }

    private void issue() {
        codes = recoveryCodes.issue(pageUser.id());
        saved = false;
        summary = null;
    }

    /** The codes as a text file, one a line. */
    public void download() throws IOException {
        if (codes.isEmpty() || !pageUser.isStillSignedIn()) {
            return;
        }
        ExternalContext external = faces().getExternalContext();
        // Nothing is written yet (no reset): the security headers of every response stay on this one too.
        external.setResponseContentType("text/plain; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"recovery-codes.txt\"");
        external.setResponseHeader("Cache-Control", "no-store");
        byte[] text = (Words.of("recovery.fileHeading") + "\n\n" + String.join("\n", codes) + "\n").getBytes(StandardCharsets.UTF_8);
        external.setResponseContentLength(text.length);
        external.getResponseOutputStream().write(text);
        faces().responseComplete();
    }

    /** "Continue": only once the person says the codes are saved; then they are gone from the page. */
    public void continueOn() {
        if (!saved) {
            Messages.error(null, Words.of("recovery.tickFirst"));
            return;
        }
        codes = List.of();
        saved = false;
        changes.fire(new SettingsChanged());
    }

    public RecoveryCodeSummary getSummary() {
        if (summary == null) {
            summary = shown.get().recoveryCodes();
        }
        return summary;
    }

    public List<String> getCodes() {
        return codes;
    }

    public boolean isShowingCodes() {
        return !codes.isEmpty();
    }

    public boolean isSaved() {
        return saved;
    }

    public void setSaved(boolean saved) {
        this.saved = saved;
    }

    /**
     * Looked up per request, not injected: this bean travels between cluster nodes with the session,
     * and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
