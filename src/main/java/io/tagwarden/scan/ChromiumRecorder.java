package io.tagwarden.scan;

import jakarta.inject.Singleton;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.ReadinessState;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.bidi.module.Storage;
import org.openqa.selenium.bidi.network.AddInterceptParameters;
import org.openqa.selenium.bidi.network.BeforeRequestSent;
import org.openqa.selenium.bidi.network.BytesValue;
import org.openqa.selenium.bidi.network.ContinueRequestParameters;
import org.openqa.selenium.bidi.network.Header;
import org.openqa.selenium.bidi.network.InterceptPhase;
import org.openqa.selenium.bidi.script.EvaluateResult;
import org.openqa.selenium.bidi.script.EvaluateResultSuccess;
import org.openqa.selenium.bidi.storage.CookieFilter;
import org.openqa.selenium.bidi.storage.GetCookiesParameters;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Headless Chromium over WebDriver BiDi: one new browser and temporary profile per state, every request intercepted
 * before it is sent (recorded; refused ones failed; in the GPC state given {@code Sec-GPC: 1}), GPC's
 * {@code navigator.globalPrivacyControl} defined before any page script, cookies read from the browser's store (all
 * domains). Navigation and scripts go through BiDi too: a classic WebDriver command would wait for a request the
 * interceptor holds. The browser is always quit and the profile deleted, also when the page hangs or throws.
 */
@Singleton
class ChromiumRecorder implements StateRecorder {

    private static final String GPC = "() => { Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', "
            + "{get: () => true, configurable: true, enumerable: true}); }";

    private final ScanConfiguration config;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scan-watchdog");
        t.setDaemon(true);
        return t;
    });

    ChromiumRecorder(ScanConfiguration config) {
        this.config = config;
    }

    @Override
    public Observation record(String url, ScanState state, Predicate<String> allowRequest, Instant deadline) {
        if (!Files.isExecutable(Path.of(config.chromium())) || !Files.isExecutable(Path.of(config.chromedriver()))) {
            throw new BrowserUnavailableException("Chromium is not installed on this server (looked for " + config.chromium() + " and "
                    + config.chromedriver() + "; apt-get install chromium chromium-driver, or set tagwarden.scan.chromium and .chromedriver)", null);
        }
        List<Observation.Request> requests = new CopyOnWriteArrayList<>();
        List<String> notes = new ArrayList<>();
        Path profile = tempProfile();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(config.chromedriver()))
                .usingAnyFreePort().build();
        ExecutorService answers = Executors.newSingleThreadExecutor(r -> new Thread(r, "scan-intercept"));
        ChromeDriver driver = null;
        // The hard stop: past the deadline (and a little grace) the driver is killed, which fails any waiting call.
        var kill = watchdog.schedule(() -> killBrowser(service, profile),
                Math.max(1, Duration.between(Instant.now(), deadline).toMillis() + 3000), TimeUnit.MILLISECONDS);
        try {
            try {
                driver = new ChromeDriver(service, options(profile));
            } catch (WebDriverException e) {
                throw new BrowserUnavailableException("Chromium did not start: " + firstLine(e), e);
            }
            Network network = new Network(driver);
            Script script = new Script(driver);
            if (state == ScanState.gpc) {
                script.addPreloadScript(GPC);
            }
            network.addIntercept(new AddInterceptParameters(InterceptPhase.BEFORE_REQUEST_SENT));
            network.onBeforeRequestSent(event -> answers.submit(() -> answer(network, event, state, allowRequest, requests)));
            String context = driver.getWindowHandle();
            new BrowsingContext(driver, context).navigate(url, ReadinessState.NONE);
            Instant loadBy = deadline.minus(config.settle().multipliedBy(2)).minusSeconds(1);
            if (!waitFor(script, context, "document.readyState === 'complete'", loadBy)) {
                notes.add("The page did not finish loading within the time limit; what it did until then is recorded.");
            }
            pause(config.settle(), deadline);
            if (state.choice() != null) {
                choose(script, context, state, notes, deadline);
                pause(config.settle(), deadline);
            }
            Object href = evaluate(script, context, "String(location.href)").orElse(url);
            List<Observation.Cookie> cookies = new Storage(driver).getCookies(new GetCookiesParameters(new CookieFilter())).getCookies()
                    .stream().map(c -> new Observation.Cookie(c.getName(), c.getDomain())).toList();
            return new Observation(List.copyOf(requests), cookies, String.valueOf(href), notes, true);
        } catch (BrowserUnavailableException e) {
            throw e;
        } catch (WebDriverException | UncheckedIOException e) {
            notes.add(Instant.now().isAfter(deadline) ? "The state hit its time limit; the browser was stopped."
                    : "The browser failed: " + firstLine(e));
            return new Observation(List.copyOf(requests), List.of(), url, notes, false);
        } finally {
            answers.shutdownNow();
            quit(driver, service);
            // Only now: a quit that hangs is still cut off by the watchdog.
            kill.cancel(false);
            killBrowser(null, profile);
            delete(profile);
        }
    }

    /**
     * Stops chromedriver and every browser process of this scan (found by its own profile directory): stopping the
     * driver alone would leave a hung page's Chromium running.
     */
    private static void killBrowser(ChromeDriverService service, Path profile) {
        if (service != null) {
            try {
                service.stop();
            } catch (RuntimeException ignored) {
                // already stopped
            }
        }
        String marker = "--user-data-dir=" + profile;
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(marker)).orElse(false)
                        || p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(config.chromium());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--disable-default-apps", "--disable-extensions", "--disable-features=PreconnectToSearch",
                "--user-data-dir=" + profile);
        options.addArguments(config.chromiumArguments());
        options.setCapability("webSocketUrl", true);
        return options;
    }

    /** Records the request, then lets it go (with Sec-GPC in the GPC state) or fails it when its address is refused. */
    private static void answer(Network network, BeforeRequestSent event, ScanState state, Predicate<String> allowRequest,
                               List<Observation.Request> requests) {
        String url = event.getRequest().getUrl();
        String host = ScanEvaluation.hostOf(url);
        boolean allowed = allowRequest.test(url);
        if (!host.isEmpty()) {
            requests.add(new Observation.Request(url, host, !allowed));
        }
        if (!event.isBlocked()) {
            return;
        }
        String id = event.getRequest().getRequestId();
        try {
            if (!allowed) {
                network.failRequest(id);
            } else if (state == ScanState.gpc) {
                List<Header> headers = new ArrayList<>(event.getRequest().getHeaders());
                headers.add(new Header("Sec-GPC", new BytesValue(BytesValue.Type.STRING, "1")));
                network.continueRequest(new ContinueRequestParameters(id).headers(headers));
            } else {
                network.continueRequest(new ContinueRequestParameters(id));
            }
        } catch (WebDriverException e) {
            // the page went away or the browser is stopping: nothing left to let through
        }
    }

    private static void choose(Script script, String context, ScanState state, List<String> notes, Instant deadline) {
        Instant by = Instant.now().plusSeconds(5).isBefore(deadline) ? Instant.now().plusSeconds(5) : deadline;
        if (!waitFor(script, context, "!!(window.tagwarden && window.tagwarden.started && window.tagwarden.consent)", by)) {
            notes.add("Tagwarden's page API (window.tagwarden) did not start on this page: no choice could be made.");
            return;
        }
        evaluate(script, context, "window.tagwarden.consent.update(" + state.choice() + "), true");
    }

    private static boolean waitFor(Script script, String context, String condition, Instant by) {
        while (true) {
            if (Boolean.TRUE.equals(evaluate(script, context, "!!(" + condition + ")").orElse(false))) {
                return true;
            }
            if (Instant.now().isAfter(by)) {
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Evaluates an expression in the page; empty when it threw or the page is between documents. */
    private static Optional<Object> evaluate(Script script, String context, String expression) {
        try {
            EvaluateResult result = script.evaluateFunctionInBrowsingContext(context, expression, false, Optional.empty());
            return result instanceof EvaluateResultSuccess ok ? ok.getResult().getValue() : Optional.empty();
        } catch (WebDriverException e) {
            if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static void pause(Duration settle, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        sleep(left.compareTo(settle) < 0 ? (left.isNegative() ? Duration.ZERO : left) : settle);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebDriverException("interrupted");
        }
    }

    private static void quit(ChromeDriver driver, ChromeDriverService service) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (WebDriverException ignored) {
            // already gone (killed at the deadline)
        } finally {
            service.stop();
        }
    }

    private static Path tempProfile() {
        try {
            return Files.createTempDirectory("tagwarden-scan-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory is under the system's temporary folder
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
