package mx.supplierportal.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Playwright for Java driving the system Chromium ({@code /usr/bin/chromium}, or {@code PORTAL_CHROMIUM}). It
 * never downloads a browser. Without Chromium the browser tests fail and say how to install it: they are never
 * skipped.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        Path chromium = Paths.get(System.getenv().getOrDefault("PORTAL_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser tests need Chromium at " + chromium + ". Install it with "
                    + "'apt-get install -y chromium' (Debian/Ubuntu) or point PORTAL_CHROMIUM at a Chromium binary.");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** A fresh browser profile (its own cookies): one per person in a journey. */
    public Page newPage(String baseUrl) {
        return newPage(baseUrl, null);
    }

    /**
     * A fresh browser profile whose clock is in {@code timezoneId} (a person in Mexico City, or one in UTC); null
     * keeps the machine's.
     */
    public Page newPage(String baseUrl, String timezoneId) {
        BrowserContext context = browser.newContext(new NewContextOptions().setBaseURL(baseUrl)
                .setLocale("es-MX").setTimezoneId(timezoneId).setViewportSize(1280, 900));
        return context.newPage();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Every open page, as it is now (a failed journey leaves what each person saw, with its address). */
    public void screenshotAll(String prefix) {
        int n = 0;
        for (BrowserContext context : browser.contexts()) {
            for (Page page : context.pages()) {
                n++;
                try {
                    screenshot(page, prefix + "-" + n);
                    Files.writeString(SCREENSHOTS.resolve(prefix + "-" + n + ".url"), page.url());
                } catch (RuntimeException | java.io.IOException closed) {
                    // a page that is closing cannot be shot; the others still can
                }
            }
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
