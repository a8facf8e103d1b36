package io.tagwarden.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses a scan may load: http(s) only, no credentials, nothing on the server's own networks unless allowed. */
class ScanAddressPolicyTest {

    /** A resolver with fixed answers, so no test depends on DNS. */
    static final HostResolver NAMES = host -> {
        Map<String, String> names = Map.of("shop.example", "93.184.216.34", "localhost", "127.0.0.1", "intranet.example", "10.1.2.3",
                "metadata.example", "169.254.169.254", "sneaky.example", "93.184.216.35,192.168.1.20");
        String answer = names.get(host);
        if (answer == null) {
            try {
                return List.of(InetAddress.getByName(host.matches("[0-9.]+|.*:.*") ? host : "invalid.invalid"));
            } catch (UnknownHostException e) {
                throw new UnknownHostException(host);
            }
        }
        List<InetAddress> all = new java.util.ArrayList<>();
        for (String a : answer.split(",")) {
            all.add(InetAddress.getByName(a));
        }
        return all;
    };

    static AddressPolicy policy(String... allowed) {
        return new AddressPolicy(NAMES, new ScanConfiguration("/usr/bin/chromium", "/usr/bin/chromedriver", Duration.ofSeconds(20),
                Duration.ofSeconds(2), Duration.ofSeconds(120), 1, List.of(allowed), List.of()));
    }

    @Test
    void aPublicHttpsOrHttpPageMayBeScanned() {
        assertThat(policy().problemWith("https://shop.example/thank-you")).isEmpty();
        assertThat(policy().problemWith("http://shop.example:8080/")).isEmpty();
        assertThat(policy().problemWith("https://93.184.216.34/")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "file:///etc/passwd | Only http:// and https://",
            "javascript:alert(1) | Only http:// and https://",
            "ftp://shop.example/ | Only http:// and https://",
            "data:text/html,hi | Only http:// and https://",
            "shop.example/page | Only http:// and https://",
            "https://user:secret@shop.example/ | user name or password",
            "https://user@shop.example/ | user name or password",
            "http:///nohost | no host name",
            "https://nowhere.invalid/ | could not be resolved",
    })
    void refusesAddressesThatAreNotPlainHttpPages(String url, String reason) {
        assertThat(policy().problemWith(url)).get().asString().contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/ | a loopback",
            "http://localhost:8080/ | a loopback",
            "http://intranet.localhost/ | a loopback",
            "http://[::1]/ | a loopback",
            "http://10.0.0.1/ | a private",
            "http://172.16.5.4/ | a private",
            "http://192.168.0.10/ | a private",
            "http://intranet.example/ | a private",
            "http://[fd12:3456::1]/ | a private",
            "http://100.64.0.1/ | a private",
            "http://169.254.169.254/latest/meta-data/ | a link-local",
            "http://metadata.example/ | a link-local",
            "http://[fe80::1]/ | a link-local",
            "http://0.0.0.0/ | an unspecified",
            "http://[::]/ | an unspecified",
            "http://224.0.0.1/ | a multicast",
            "http://sneaky.example/ | a private",
    })
    void refusesHostsOnTheServersOwnNetworks(String url, String kind) {
        assertThat(policy().problemWith(url)).get().asString().contains(kind).contains("tagwarden.scan.allowed-addresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/", "http://0x7f.1/", "http://127.1/"})
    void refusesNumbersABrowserWouldReadAsAnAddress(String url) {
        assertThat(policy().problemWith(url)).get().asString().contains("a number the browser would read as an IP address");
    }

    @Test
    void anAdministratorMayAllowAHostOrANetwork() {
        assertThat(policy("127.0.0.1").problemWith("http://127.0.0.1:9000/")).isEmpty();
        assertThat(policy("127.0.0.1").problemWith("http://localhost:9000/")).isEmpty();
        assertThat(policy("127.0.0.1").problemWith("http://10.0.0.1/")).isPresent();
        assertThat(policy("10.0.0.0/8").problemWith("http://intranet.example/")).isEmpty();
        assertThat(policy("intranet.example").problemWith("http://intranet.example/")).isEmpty();
        assertThat(policy("intranet.example").problemWith("http://10.1.2.4/")).isPresent();
        assertThat(policy("fd00::/8").problemWith("http://[fd12:3456::1]/")).isEmpty();
        assertThat(policy("127.0.0.1").problemWith("file:///etc/passwd")).isPresent();
    }

    @Test
    void everyRequestThePageMakesIsCheckedToo() {
        AddressPolicy policy = policy();
        assertThat(policy.allowsRequest("https://shop.example/pixel.gif")).isTrue();
        assertThat(policy.allowsRequest("https://unknown-vendor.invalid/x.js")).as("unresolvable: the browser fails it anyway").isTrue();
        assertThat(policy.allowsRequest("data:image/gif;base64,R0lGOD")).isTrue();
        assertThat(policy.allowsRequest("http://169.254.169.254/latest/meta-data/")).isFalse();
        assertThat(policy.allowsRequest("http://127.0.0.1:8080/admin")).isFalse();
        assertThat(policy.allowsRequest("ws://10.0.0.1/socket")).isFalse();
        assertThat(policy.allowsRequest("https://user:pw@shop.example/")).isFalse();
    }
}
