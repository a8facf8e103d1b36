package io.tagwarden.collect;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Normalization and hashing as the vendors specify it, IP truncation, and click ids removed from addresses. */
class IdentifiersTest {

    @Test
    void emailsAreTrimmedAndLowercasedBeforeHashing() {
        // SHA-256 of "jane.doe@example.com"
        assertThat(Identifiers.email("  Jane.Doe@Example.COM ")).hasValue(Identifiers.sha256("jane.doe@example.com"));
        assertThat(Identifiers.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Identifiers.email("not an email")).isEmpty();
        String digest = Identifiers.sha256("x@example.com").toUpperCase();
        assertThat(Identifiers.email(digest)).as("an already hashed email is kept").hasValue(digest.toLowerCase());
    }

    @Test
    void phonesNeedACountryCodeAndAreHashedWithAndWithoutThePlus() {
        Identifiers.PhoneHashes hashes = Identifiers.phone("+44 (20) 7946-0958").orElseThrow();
        assertThat(hashes.digits()).isEqualTo(Identifiers.sha256("442079460958"));
        assertThat(hashes.e164()).isEqualTo(Identifiers.sha256("+442079460958"));
        assertThat(Identifiers.phone("0044 20 7946 0958")).hasValue(hashes);
        assertThat(Identifiers.phone("020 7946 0958")).isEmpty();
        assertThat(Identifiers.phone("+1 23")).isEmpty();
    }

    @Test
    void addressesAreTruncatedUnlessFullOnesAreKept() {
        assertThat(IpAddresses.forStorage("192.0.2.41", false)).hasValue("192.0.2.0");
        assertThat(IpAddresses.forStorage("192.0.2.41", true)).hasValue("192.0.2.41");
        assertThat(IpAddresses.forStorage("2001:db8:85a3:8d3:1319:8a2e:370:7348", false)).hasValue("2001:db8:85a3::");
        assertThat(IpAddresses.forStorage("2001:db8:85a3:8d3:1319:8a2e:370:7348", true)).hasValue("2001:db8:85a3:8d3:1319:8a2e:370:7348");
        assertThat(IpAddresses.forStorage("shop.example.com", false)).as("never a name lookup").isEmpty();
    }

    @Test
    void clickIdsAreRemovedFromAddressesKeepingEverythingElse() {
        Set<String> ids = Set.of("fbclid", "gclid");
        assertThat(Urls.withoutParams("https://s.example/p?a=1&fbclid=X&b=2#top", ids)).isEqualTo("https://s.example/p?a=1&b=2#top");
        assertThat(Urls.withoutParams("https://s.example/p?gclid=Y", ids)).isEqualTo("https://s.example/p");
        assertThat(Urls.withoutParams("https://s.example/p", ids)).isEqualTo("https://s.example/p");
        assertThat(Urls.withoutParams("https://s.example/p?FBCLID=1&%66bclid=2&x=3", ids)).isEqualTo("https://s.example/p?x=3");
    }
}
