package io.tagwarden.forward.vendors;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class XOAuth1SignerTest {

    /** Twitter's "Creating a signature" walk-through: its inputs and the signature it arrives at. */
    @Test
    void signsTwitterDocumentationExampleToItsPublishedSignature() {
        XOAuth1Signer signer = new XOAuth1Signer(Clock.fixed(Instant.ofEpochSecond(1318622958), ZoneOffset.UTC),
                () -> "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");
        String header = signer.authorization("POST",
                URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
                List.of(Map.entry("status", "Hello Ladies + Gentlemen, a signed OAuth request!")),
                new XOAuth1Signer.Keys("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"));
        // hCtSmYh+iHYCEqBWrE7C7hYmtUk= percent-encoded in the header.
        assertThat(header).contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"")
                .startsWith("OAuth ")
                .contains("oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\"", "oauth_timestamp=\"1318622958\"",
                        "oauth_signature_method=\"HMAC-SHA1\"", "oauth_version=\"1.0\"");
    }

    /** RFC 5849 section 3.4.1.1: query, form body and OAuth parameters merged, decoded, re-encoded and sorted. */
    @Test
    void buildsTheRfc5849SignatureBaseStringExample() {
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> params = new ArrayList<>(XOAuth1Signer.queryParams(uri));
        params.add(Map.entry("c2", ""));
        params.add(Map.entry("a3", "2 q"));
        params.add(Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"));
        params.add(Map.entry("oauth_token", "kkk9d7dh3k39sjv7"));
        params.add(Map.entry("oauth_signature_method", "HMAC-SHA1"));
        params.add(Map.entry("oauth_timestamp", "137131201"));
        params.add(Map.entry("oauth_nonce", "7d8f3e4a"));
        assertThat(XOAuth1Signer.baseString("post", uri, params)).isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest"
                + "&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D"
                + "%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    @Test
    void nonDefaultPortIsPartOfTheSignedAddressAndDefaultPortIsNot() {
        List<Map.Entry<String, String>> none = List.of();
        assertThat(XOAuth1Signer.baseString("POST", URI.create("HTTP://Example.COM:8080/a"), none))
                .isEqualTo("POST&http%3A%2F%2Fexample.com%3A8080%2Fa&");
        assertThat(XOAuth1Signer.baseString("POST", URI.create("https://example.com:443/a"), none))
                .isEqualTo("POST&https%3A%2F%2Fexample.com%2Fa&");
    }

    @Test
    void everyRequestGetsAFreshNonceFromTheDefaultSource() {
        XOAuth1Signer signer = new XOAuth1Signer(Clock.systemUTC());
        XOAuth1Signer.Keys keys = new XOAuth1Signer.Keys("k", "s", "t", "ts");
        URI uri = URI.create("https://ads-api.x.com/12/measurement/conversions/o8abc");
        assertThat(signer.authorization("POST", uri, List.of(), keys))
                .isNotEqualTo(signer.authorization("POST", uri, List.of(), keys));
    }
}
