package mx.supplierportal.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/** An integration test that also drives Chromium: one browser per test class, closed at the end. */
public abstract class BrowserJourney extends IntegrationTest {

    protected static Browser browser;

    /** A failed journey leaves a screenshot of every open page in target/screenshots/failed-*.png. */
    @RegisterExtension
    static final TestWatcher SCREENSHOTS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshotAll("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
