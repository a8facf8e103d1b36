package io.tagwarden.e2e.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (paths given, so Selenium never downloads one),
 * with every non-local request routed to a {@link RecordingProxy}. One per test class: it takes ~3 s to start.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("tagwarden.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("tagwarden.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final RecordingProxy proxy;
    private final Path profile;
    private final FakeVendorServer vendors;

    /** Refuses every non-local request (see {@link RecordingProxy}). */
    public Browser() {
        this(null);
    }

    /**
     * Like {@link #Browser()}, but HTTPS to the {@link FakeVendorServer#HOSTS} is tunnelled to the given fake
     * server, whose self-signed certificate Chromium accepts ({@code --ignore-certificate-errors}). The caller
     * still owns (and closes) the server; {@link #open} also forgets the server's earlier requests.
     */
    public static Browser withFakeVendors(FakeVendorServer vendors) {
        return new Browser(java.util.Objects.requireNonNull(vendors));
    }

    private Browser(FakeVendorServer vendors) {
        this.vendors = vendors;
        try {
            this.proxy = new RecordingProxy();
            this.profile = Files.createTempDirectory("tagwarden-chrome-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--disable-default-apps", "--disable-extensions",
                // No preconnects to the default search engine (www.google.com, also a vendor host).
                "--disable-features=PreconnectToSearch",
                "--user-data-dir=" + profile,
                "--proxy-server=http://127.0.0.1:" + proxy.port());
        if (vendors != null) {
            proxy.tunnel(FakeVendorServer.HOSTS, vendors.port());
            options.addArguments("--ignore-certificate-errors");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.get("about:blank");
        proxy.settle(Duration.ofMillis(800), Duration.ofSeconds(4));
    }

    public WebDriver driver() {
        return driver;
    }

    public RecordingProxy proxy() {
        return proxy;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens a page after forgetting earlier requests and cookies. */
    public void open(String url) {
        driver.manage().deleteAllCookies();
        proxy.clear();
        if (vendors != null) {
            vendors.clear();
        }
        driver.get(url);
    }

    /** Waits (10 s at most) until the container runtime has started on the current page. */
    public void waitForRuntime() {
        waitUntil(() -> Boolean.TRUE.equals(js("return !!(window.tagwarden && window.tagwarden.started)")));
    }

    public void waitUntil(java.util.function.BooleanSupplier condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }

    /** Saves what the browser shows as a PNG (for the README's screenshots in docs/). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runtime's tagwarden.debug() report. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> debug() {
        return (java.util.Map<String, Object>) js("return window.tagwarden.debug()");
    }

    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> consent() {
        return (java.util.Map<String, Object>) debug().get("consent");
    }

    /** Each tag's status, in the container's tag order. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> statuses() {
        return ((java.util.List<java.util.Map<String, Object>>) debug().get("tags")).stream().map(t -> (String) t.get("status")).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            proxy.close();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
