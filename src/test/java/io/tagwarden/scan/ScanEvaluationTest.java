package io.tagwarden.scan;

import io.tagwarden.compliance.GatingMatrix;
import io.tagwarden.vendor.VendorDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gating matrix allows in each state, applied to what a browser saw. */
class ScanEvaluationTest {

    static final String PAGE = "shop.example";

    static GatingMatrix.Row tag(String name, String category, String host, String cookie) {
        return new GatingMatrix.Row("1", name, "v", name, "PageView", "PageView", "on page load", category, List.of(),
                category.equals("marketing") ? "blocked: with Global Privacy Control on, marketing is denied" : "no effect",
                List.of(new VendorDescriptor.HostUse(host, "why")), List.of(new VendorDescriptor.CookieUse(cookie, "why")), "no");
    }

    static GatingMatrix matrix(String policy) {
        return new GatingMatrix("TW-TEST2345", "Shop", 1, Instant.EPOCH, "hash",
                new GatingMatrix.Policy(policy + ": …", 500, List.of(), null, true),
                List.of(tag("Meta", "marketing", "connect.facebook.net", "_fbp"),
                        tag("GA4", "analytics", "www.google-analytics.com", "_ga"),
                        tag("Status", "necessary", "status.example", "st")), List.of());
    }

    static Observation saw(String... hostsAndCookies) {
        List<Observation.Request> requests = new java.util.ArrayList<>(List.of(
                new Observation.Request("https://shop.example/", PAGE, false),
                new Observation.Request("https://tags.example/c/TW-TEST2345.js", "tags.example", false)));
        List<Observation.Cookie> cookies = new java.util.ArrayList<>();
        Arrays.stream(hostsAndCookies).forEach(s -> {
            if (s.startsWith("cookie:")) {
                cookies.add(new Observation.Cookie(s.substring(7), PAGE));
            } else {
                requests.add(new Observation.Request("https://" + s + "/x", s, false));
            }
        });
        return new Observation(requests, cookies, "https://shop.example/", List.of(), true);
    }

    static ScanReport.State judge(String policy, ScanState state, Observation seen) {
        return ScanEvaluation.evaluate(matrix(policy), state, seen, Set.of(PAGE));
    }

    static ScanReport.Finding finding(ScanReport.State s, String name) {
        return java.util.stream.Stream.concat(s.hosts().stream(), s.cookies().stream()).filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void beforeAChoiceAndAfterRejectOnlyNecessaryTagsThePageAndTagwardenAreAllowed() {
        for (ScanState state : List.of(ScanState.no_choice, ScanState.reject_all)) {
            ScanReport.State clean = judge("opt-in", state, saw("status.example", "cookie:st"));
            assertThat(clean.passed()).as(state.name()).isTrue();
            assertThat(finding(clean, "tags.example").why()).contains("served this container's script");
            assertThat(finding(clean, PAGE).why()).contains("own host");

            ScanReport.State leaky = judge("opt-in", state, saw("connect.facebook.net", "cookie:_fbp", "cookie:_ga"));
            assertThat(leaky.passed()).isFalse();
            assertThat(finding(leaky, "connect.facebook.net").allowed()).isFalse();
            assertThat(finding(leaky, "connect.facebook.net").why()).contains("“Meta” (marketing)").contains("not granted");
            assertThat(finding(leaky, "_fbp").allowed()).isFalse();
            assertThat(finding(leaky, "_ga").allowed()).isFalse();
        }
    }

    @Test
    void acceptAllowsEveryDeclaredHostAndCookieButNoUndeclaredOne() {
        ScanReport.State accepted = judge("opt-in", ScanState.accept_all,
                saw("connect.facebook.net", "www.google-analytics.com", "cookie:_fbp", "cookie:_ga", "cookie:tw_consent", "cookie:tw_vid"));
        assertThat(accepted.passed()).isTrue();
        ScanReport.State undeclared = judge("opt-in", ScanState.accept_all, saw("tracker.example", "cookie:mystery"));
        assertThat(undeclared.passed()).isFalse();
        assertThat(finding(undeclared, "tracker.example").why()).startsWith("undeclared");
        assertThat(finding(undeclared, "mystery").why()).startsWith("undeclared");
    }

    @Test
    void gpcStillBlocksMarketingButNotAnalytics() {
        assertThat(judge("opt-in", ScanState.gpc, saw("www.google-analytics.com", "cookie:_ga")).passed()).isTrue();
        ScanReport.State gpc = judge("opt-in", ScanState.gpc, saw("connect.facebook.net"));
        assertThat(gpc.passed()).isFalse();
        assertThat(finding(gpc, "connect.facebook.net").why()).contains("not granted");
    }

    @Test
    void underTheOptOutPolicyNoChoiceYetAllowsEveryCategoryButRejectDoesNot() {
        assertThat(judge("opt-out", ScanState.no_choice, saw("connect.facebook.net", "cookie:_fbp")).passed()).isTrue();
        assertThat(judge("opt-out", ScanState.reject_all, saw("connect.facebook.net")).passed()).isFalse();
    }

    @Test
    void tagwardensOwnCookiesFollowTheChoice() {
        assertThat(judge("opt-in", ScanState.no_choice, saw("cookie:tw_consent")).passed()).as("no choice was made").isFalse();
        assertThat(judge("opt-in", ScanState.reject_all, saw("cookie:tw_consent")).passed()).isTrue();
        assertThat(judge("opt-in", ScanState.reject_all, saw("cookie:tw_vid")).passed()).as("nothing granted").isFalse();
    }

    @Test
    void aStateTheBrowserDidNotFinishFails() {
        Observation cut = new Observation(List.of(), List.of(), "https://shop.example/", List.of("The browser failed"), false);
        assertThat(ScanEvaluation.evaluate(matrix("opt-in"), ScanState.no_choice, cut, Set.of(PAGE)).passed()).isFalse();
    }

    @Test
    void aRequestTheScanRefusedFailsTheState() {
        Observation seen = new Observation(List.of(new Observation.Request("http://10.0.0.1/", "10.0.0.1", true)), List.of(),
                "https://shop.example/", List.of(), true);
        ScanReport.State s = ScanEvaluation.evaluate(matrix("opt-in"), ScanState.accept_all, seen, Set.of(PAGE));
        assertThat(s.passed()).isFalse();
        assertThat(s.hosts().get(0).why()).contains("blocked by the scan");
    }
}
