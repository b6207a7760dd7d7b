package mx.supplierportal.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** An integration test that also drives Chromium: one browser per test class, closed at the end. */
public abstract class BrowserJourney extends IntegrationTest {

    protected static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
