package io.tagwarden.forward;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.container.ContainerService;
import io.tagwarden.web.FieldError;
import io.tagwarden.web.InvalidInputException;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per container and vendor, the conversion API credentials: sealed at rest ({@link CredentialCipher}), opened only to
 * send. The admin app and the API see the non-secret values and a hint of each secret (its last four characters),
 * never a secret in full; an empty secret in an update keeps the stored one. Every change is audited by field name,
 * never by value.
 */
@Singleton
public class VendorCredentials {

    private static final int MAX_VALUE = 4000;

    /** What the app may show of a vendor's credentials. */
    @Serdeable
    public record Shown(boolean configured, Map<String, String> values, List<String> missing, Instant updatedAt, String updatedBy) {
    }

    private final VendorCredentialRepository rows;
    private final CredentialCipher cipher;
    private final Forwarders forwarders;
    private final ContainerService containers;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    VendorCredentials(VendorCredentialRepository rows, CredentialCipher cipher, Forwarders forwarders, ContainerService containers,
                      AuditTrail audit, ObjectMapper json, Clock clock) {
        this.rows = rows;
        this.cipher = cipher;
        this.forwarders = forwarders;
        this.containers = containers;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The opened values for sending; empty when none are stored. */
    @Transactional
    public Map<String, String> open(String containerId, String vendor) {
        return rows.findById(VendorCredential.idOf(containerId, vendor))
                .map(row -> read(cipher.open(containerId, vendor, row.sealed()))).orElse(Map.of());
    }

    @Transactional
    public Optional<Shown> shown(String containerId, String vendor) {
        VendorForwarder forwarder = forwarder(vendor);
        return rows.findById(VendorCredential.idOf(containerId, vendor)).map(row -> {
            Map<String, String> shown = read(row.shown());
            return new Shown(true, shown, missing(forwarder, shown.keySet()), row.updatedAt(), row.updatedBy());
        });
    }

    @Transactional
    public Shown save(String containerId, String vendor, Map<String, String> input) {
        containers.get(containerId);
        VendorForwarder forwarder = forwarder(vendor);
        Map<String, CredentialField> fields = new LinkedHashMap<>();
        forwarder.credentialFields().forEach(f -> fields.put(f.key(), f));
        List<FieldError> errors = new ArrayList<>();
        input.forEach((key, value) -> {
            if (!fields.containsKey(key)) {
                errors.add(new FieldError(key, "not a credential of " + vendor + "; expected one of " + fields.keySet()));
            } else if (value != null && (value.length() > MAX_VALUE || value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f))) {
                errors.add(new FieldError(key, "must be at most " + MAX_VALUE + " characters without control characters"));
            }
        });
        Optional<VendorCredential> current = rows.findById(VendorCredential.idOf(containerId, vendor));
        Map<String, String> values = new LinkedHashMap<>(current.map(r -> read(cipher.open(containerId, vendor, r.sealed()))).orElse(Map.of()));
        List<String> changed = new ArrayList<>();
        for (CredentialField field : fields.values()) {
            String value = input.get(field.key());
            String stripped = value == null ? "" : value.strip();
            if (stripped.isEmpty() && field.secret()) {
                continue;
            }
            if (!stripped.equals(values.getOrDefault(field.key(), ""))) {
                changed.add(field.key());
            }
            if (stripped.isEmpty()) {
                values.remove(field.key());
            } else {
                values.put(field.key(), stripped);
            }
        }
        for (String key : missing(forwarder, values.keySet())) {
            errors.add(new FieldError(key, fields.get(key).label() + " is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((key, value) -> shown.put(key, fields.get(key).secret() ? hint(value) : value));
        VendorCredential row = new VendorCredential(VendorCredential.idOf(containerId, vendor), containerId, vendor,
                cipher.seal(containerId, vendor, write(values)), write(shown), clock.instant(), audit.actor());
        if (current.isPresent()) {
            rows.update(row);
        } else {
            rows.save(row);
        }
        audit.record("credentials.updated", containerId, vendor + " conversion API credentials",
                current.isPresent() ? Map.of("fields", current.map(r -> read(r.shown()).keySet()).orElseThrow()) : null,
                Map.of("fields", values.keySet(), "changed", changed));
        return new Shown(true, shown, List.of(), row.updatedAt(), row.updatedBy());
    }

    @Transactional
    public void remove(String containerId, String vendor) {
        forwarder(vendor);
        rows.findById(VendorCredential.idOf(containerId, vendor)).ifPresent(row -> {
            rows.delete(row);
            audit.record("credentials.removed", containerId, vendor + " conversion API credentials",
                    Map.of("fields", read(row.shown()).keySet()), null);
        });
    }

    /** The required fields absent from {@code present}. */
    static List<String> missing(VendorForwarder forwarder, java.util.Set<String> present) {
        return forwarder.credentialFields().stream().filter(f -> f.required() && !present.contains(f.key())).map(CredentialField::key).toList();
    }

    private VendorForwarder forwarder(String vendor) {
        return forwarders.find(vendor).orElseThrow(() -> new NotFoundException(
                "No conversion API forwarder for vendor '" + vendor + "'; known: " + forwarders.vendorIds()));
    }

    static String hint(String secret) {
        return secret.length() <= 8 ? "••••" : "••••" + secret.substring(secret.length() - 4);
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
