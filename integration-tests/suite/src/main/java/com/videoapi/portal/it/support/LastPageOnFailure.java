package com.videoapi.portal.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** When a test fails, keeps the last page its browser saw under target/failsafe-reports. */
final class LastPageOnFailure implements TestWatcher {

    private final Supplier<Browser> browser;

    LastPageOnFailure(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser failed = browser.get();
        if (failed == null) {
            return;
        }
        String response = failed.lastResponse();
        Path dir = Path.of(System.getProperty("it.reports", "target/failsafe-reports"));
        Path file = dir.resolve(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName()
                .replaceAll("[^A-Za-z0-9_.-]", "_") + ".last-page.html");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, response);
            System.err.println("Last page of the failed test " + context.getDisplayName() + " kept in " + file);
        } catch (IOException e) {
            System.err.println("Last page of the failed test " + context.getDisplayName() + ":\n" + response);
        }
    }
}
