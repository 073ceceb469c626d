package com.videoapi.portal.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.util.UUID;

/**
 * Base of the integration tests: deploys the EAR that Maven built, unchanged, to the managed
 * WildFly (never a hand-listed set of classes), and gives each test a fresh {@link Browser}.
 *
 * <p>Arquillian deploys once per test class; classes group the tests of one feature so that the
 * suite pays the 6-13 s of a deployment a few times only. When a test fails, {@link LastPageOnFailure}
 * keeps the page it was looking at.
 */
@ArquillianTest
@RunAsClient
public abstract class PortalTest {

    protected Browser browser;

    @RegisterExtension
    final LastPageOnFailure lastPage = new LastPageOnFailure(() -> browser);

    @Deployment(testable = false)
    public static EnterpriseArchive portal() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("portal.ear")));
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    public static String baseUrl() {
        return System.getProperty("portal.base-url", "http://localhost:8180/");
    }

    /** An address no other test uses, so tests need no clean-up and may run in any order. */
    protected static String uniqueEmail(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected static final String PASSWORD = "correct horse battery staple";
}
