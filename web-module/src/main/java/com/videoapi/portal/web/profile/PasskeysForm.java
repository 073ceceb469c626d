package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.PasskeyView;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Passkeys in Security Settings: "Add a passkey or security key" with a name (each passkey is a row of
 * the list of methods, removed there: {@code MethodsForm}). Adding runs the browser's WebAuthn
 * ceremony ({@code resources/js/passkeys.js}) with the
 * options of this view's {@link Ceremony}, whose answer comes back in a hidden field; adding waits for
 * a fresh proof of identity ({@link FreshProof}) where there is none.
 */
@Named("passkeysForm")
@ViewScoped
public class PasskeysForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Adding the passkey the browser just created, once the person proved who they are. */
    public record Add(String name, Ceremony ceremony, String response) implements FreshProof.Change {
    }

    @Inject
    Passkeys passkeys;

    @Inject
    ShownSettings shown;

    @Inject
    FreshProof freshProof;

    @Inject
    PageUser pageUser;

    @Inject
    Event<SettingsChanged> changes;

    private Ceremony ceremony;
    private String name;
    private String response;
    private transient List<PasskeyView> list;

    public void add() {
        Add add = new Add(name, ceremony, response);
        // Whatever comes of it, the next try is a new ceremony: a challenge answers once.
        ceremony = null;
        response = null;
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(add)) {
            return;
        }
        Passkeys.Registration outcome = passkeys.register(pageUser.id(), add.name(), add.ceremony(), add.response());
        if (outcome == Passkeys.Registration.ADDED) {
            name = null;
            changes.fire(new SettingsChanged());
            Messages.info(Words.of(outcome));
        } else {
            Messages.error(null, Words.of(outcome));
        }
    }

    /** Adding carries on once the person confirmed it's them. */
    void proven(@Observes Proven proven) {
        if (proven.change() instanceof Add add) {
            name = add.name();
            ceremony = add.ceremony();
            response = add.response();
            add();
        }
    }

    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) SettingsChanged changed) {
        list = null;
    }

    /** Whether a passkey may be added at all: only as a second factor, with 2FA on. */
    public boolean isOffered() {
        return shown.get().status().enabled();
    }

    /**
     * The options of the ceremony that "Add a passkey or security key" runs; a new ceremony when the
     * page is drawn after the last one was used. Empty while the form is only being decoded.
     */
    public String getOptions() {
        if (faces().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return "";
        }
        if (ceremony == null) {
            // Made with what the page shows (one read), and taken by this view only.
            ceremony = shown.get().passkeyRegistration();
        }
        return ceremony == null ? "" : ceremony.options();
    }

    public List<PasskeyView> getPasskeys() {
        if (list == null) {
            list = shown.get().passkeys();
        }
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }

    /**
     * Looked up per request, not injected: this bean travels between cluster nodes with the session,
     * and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
