package com.videoapi.portal.web.forms;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;

import java.util.logging.Logger;

/**
 * A POST without Faces view state (a forged or truncated request, a page saved to disk) is not a
 * postback: Faces would quietly render the page again as if nothing was sent. Say so on the page, so
 * the person knows that nothing was done and can try again.
 */
public class UnsubmittedFormNotice implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.web");

    @Override
    public void afterPhase(PhaseEvent event) {
        var faces = event.getFacesContext();
        if (!faces.isPostback() && faces.getExternalContext().getRequest() instanceof HttpServletRequest request
                && "POST".equals(request.getMethod())) {
            // The path only: the parameters are what a person typed (a password, perhaps).
            LOG.fine(() -> "Form post without view state to " + request.getServletPath() + ": nothing done");
            Messages.error(null, Words.of("form.notSent"));
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before restoring the view
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
