package com.videoapi.portal.it.support;

import com.videoapi.portal.security.verification.fake.FakeVerifyApi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake of Vonage's Verify v2 API that the portal under test sends its codes to: one for the
 * whole test run, on the loopback port that integration-tests/pom.xml gives the test server as
 * {@code vonage.api-base-url}. The portal reaches it through the real Vonage SDK; nothing in the
 * product knows it is a fake.
 */
public final class VerifyApi implements BeforeAllCallback {

    private static FakeVerifyApi fake;

    @Override
    public void beforeAll(ExtensionContext context) {
        running();
    }

    public static synchronized FakeVerifyApi running() {
        if (fake == null) {
            fake = FakeVerifyApi.start(Integer.getInteger("it.fake-verify.port", 18099));
            // Closed with the test JVM; every test class shares it.
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        }
        return fake;
    }
}
