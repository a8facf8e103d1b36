package io.tagwarden.scan;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;
import java.util.List;

/**
 * {@code tagwarden.scan.*}: the consent scan's browser, limits and address policy.
 *
 * @param chromium          the Chromium binary (Debian's by default)
 * @param chromedriver      the matching chromedriver (given, so Selenium never downloads one)
 * @param stateTimeLimit    how long one state (start the browser, load, choose, settle, record) may take
 * @param settle            how long to wait after the page loaded, and again after the choice, before recording
 * @param scanTimeLimit     hard limit for the whole scan; past it the browser is killed and the scan fails
 * @param maxConcurrent     scans running at once on this server; more answer 429
 * @param allowedAddresses  hosts (e.g. {@code intranet.example}) or networks ({@code 10.1.0.0/16}, {@code 127.0.0.1})
 *                          that may be scanned although they are loopback, private, link-local… (default: none)
 * @param chromiumArguments extra command-line arguments for Chromium (tests map vendor hosts with
 *                          {@code --host-resolver-rules})
 */
@ConfigurationProperties("tagwarden.scan")
public record ScanConfiguration(
        @Bindable(defaultValue = "/usr/bin/chromium") @NotBlank String chromium,
        @Bindable(defaultValue = "/usr/bin/chromedriver") @NotBlank String chromedriver,
        @Bindable(defaultValue = "20s") Duration stateTimeLimit,
        @Bindable(defaultValue = "2s") Duration settle,
        @Bindable(defaultValue = "120s") Duration scanTimeLimit,
        @Bindable(defaultValue = "1") @Min(1) @Max(16) int maxConcurrent,
        @Bindable(defaultValue = "") List<String> allowedAddresses,
        @Bindable(defaultValue = "") List<String> chromiumArguments) {

    public ScanConfiguration {
        allowedAddresses = allowedAddresses == null ? List.of() : allowedAddresses.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        chromiumArguments = chromiumArguments == null ? List.of() : chromiumArguments.stream().filter(s -> !s.isBlank()).toList();
    }
}
