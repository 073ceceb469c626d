package com.videoapi.portal.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Base of the integration tests: deploys the EAR that Maven built, unchanged, to the managed
 * WildFly (never a hand-listed set of classes), and drives it with the {@link PortalSteps}.
 *
 * <p>Arquillian deploys once per test class; classes group the tests of one feature so that the
 * suite pays the 6-13 s of a deployment a few times only.
 */
@ArquillianTest
@RunAsClient
public abstract class PortalTest extends PortalSteps {

    /** The server's management API, for what a test must change on the server (its clock). */
    @ArquillianResource
    protected ManagementClient management;

    private Duration clockShift = Duration.ZERO;

    @Deployment(testable = false)
    public static EnterpriseArchive portal() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("portal.ear")));
    }

    /**
     * Moves the portal's clock forward (the {@code portal.clock.offset} system property that its
     * {@code Clock} reads at each tick): a lock, a cooldown or a session expires without waiting.
     */
    protected void advanceServerClock(Duration by) {
        clockShift = clockShift.plus(by);
        ModelNode address = Operations.createAddress("system-property", "portal.clock.offset");
        execute(Operations.createRemoveOperation(address), false);
        ModelNode add = Operations.createAddOperation(address);
        add.get("value").set(clockShift.toString());
        execute(add, true);
    }

    @AfterEach
    void resetServerClock() {
        if (!clockShift.isZero()) {
            clockShift = Duration.ZERO;
            execute(Operations.createRemoveOperation(Operations.createAddress("system-property", "portal.clock.offset")), false);
        }
    }

    private void execute(ModelNode operation, boolean mustSucceed) {
        try {
            ModelNode result = management.getControllerClient().execute(operation);
            if (mustSucceed && !Operations.isSuccessfulOutcome(result)) {
                throw new AssertionError("Management operation failed: " + Operations.getFailureDescription(result));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
