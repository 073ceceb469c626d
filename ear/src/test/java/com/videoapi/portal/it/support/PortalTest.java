package com.videoapi.portal.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

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

    @Deployment(testable = false)
    public static EnterpriseArchive portal() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("portal.ear")));
    }
}
