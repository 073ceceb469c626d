package com.videoapi.portal.web.methods;

import com.videoapi.portal.security.methods.boundary.SecondFactorMethods;
import com.videoapi.portal.security.methods.boundary.SecondFactorMethods.Removal;
import com.videoapi.portal.security.passkeys.boundary.PasskeyView;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.profile.FreshProof;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import com.videoapi.portal.web.profile.FreshProof.RemoveAuthenticator;
import com.videoapi.portal.web.profile.FreshProof.RemoveNumber;
import com.videoapi.portal.web.profile.FreshProof.RemovePasskey;
import com.videoapi.portal.web.profile.PageUser;
import com.videoapi.portal.web.profile.SettingsChanged;
import com.videoapi.portal.web.profile.ShownSettings;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The list of methods in Security Settings: "Remove" on the phone number, the app and each passkey
 * (each after a fresh proof, {@link FreshProof}; removing the last one switches 2FA off), and the
 * default method for sign-in. The rules are in {@link SecondFactorMethods}.
 */
@Named("methodsForm")
@ViewScoped
public class MethodsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecondFactorMethods methods;

    @Inject
    ShownSettings shown;

    @Inject
    SignInSessions sessions;

    @Inject
    FreshProof freshProof;

    @Inject
    PageUser pageUser;

    @Inject
    Event<SettingsChanged> changes;

    private SignInMethod chosen;
    // As drawn in this view, so that a postback finds the rows and choices the person saw; read again after a change.
    private transient List<SignInMethod> held;
    private transient SignInMethod current;
    private transient List<PasskeyView> passkeyList;

    public void removeNumber() {
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(new RemoveNumber())) {
            return;
        }
        removed(methods.removeNumber(pageUser.id()), "methods.numberRemoved");
    }

    public void removeApp() {
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(new RemoveAuthenticator())) {
            return;
        }
        removed(methods.removeApp(pageUser.id()), "authenticator.removed");
    }

    public void removePasskey(UUID passkeyId) {
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(new RemovePasskey(passkeyId))) {
            return;
        }
        Removal removal = methods.removePasskey(pageUser.id(), passkeyId);
        if (removal == Removal.NONE) {
            Messages.error(null, Words.of("passkeys.removedAlready"));
            return;
        }
        removed(removal, "passkeys.removed");
    }

    /** "Save" of the default method for sign-in. */
    public void saveDefault() {
        // Which method opens a sign-in weakens nothing (each is a second factor): no fresh proof, as before.
        if (!pageUser.isStillSignedIn() || chosen == null) {
            return;
        }
        if (methods.choose(pageUser.id(), chosen)) {
            chosen = null;
            changed();
            Messages.info(Words.of("methods.defaultSaved"));
        }
    }

    /** A removal carries on once the person confirmed it's them. */
    void proven(@Observes Proven proven) {
        if (proven.change() instanceof RemoveNumber) {
            removeNumber();
        } else if (proven.change() instanceof RemoveAuthenticator) {
            removeApp();
        } else if (proven.change() instanceof RemovePasskey remove) {
            removePasskey(remove.passkeyId());
        }
    }

    private void removed(Removal removal, String words) {
        if (removal == Removal.NONE) {
            changed();
            return;
        }
        if (removal == Removal.TWO_FACTOR_OFF) {
            // 2FA off ended the user's other sessions; this one, which proved it, stays.
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            sessions.keepThisSession(request);
            sessions.provenNow(request, pageUser.id());
        }
        changed();
        Messages.info(Words.of(removal == Removal.TWO_FACTOR_OFF ? "methods.lastRemoved" : words));
    }

    private void changed() {
        held = null;
        current = null;
        passkeyList = null;
        changes.fire(new SettingsChanged());
    }

    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) SettingsChanged changed) {
        held = null;
        current = null;
        passkeyList = null;
    }

    /** The passkeys, each a row of the list. */
    public List<PasskeyView> getPasskeys() {
        if (passkeyList == null) {
            passkeyList = shown.get().passkeys();
        }
        return passkeyList;
    }

    /** The methods the person can choose as the default: those they have. */
    public List<SignInMethod> getChoices() {
        if (held == null) {
            held = shown.get().methods();
        }
        return held;
    }

    /** The words of a method, as the choice of the default names it. */
    public String label(SignInMethod method) {
        return Words.of(method);
    }

    /** A choice is offered when there is more than one method to choose from. */
    public boolean isChoiceOffered() {
        return getChoices().size() > 1;
    }

    public SignInMethod getDefaultMethod() {
        if (chosen != null) {
            return chosen;
        }
        if (current == null) {
            current = shown.get().defaultMethod();
        }
        return current;
    }

    public void setDefaultMethod(SignInMethod method) {
        this.chosen = method;
    }
}
