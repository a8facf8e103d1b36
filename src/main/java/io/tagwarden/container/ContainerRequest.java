package io.tagwarden.container;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.collect.CollectSettings;
import io.tagwarden.consent.ConsentMode;
import io.tagwarden.consent.ConsentSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a client sends to create or update a container. Omitted optional fields take their defaults. */
@Serdeable
public record ContainerRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 50) List<
                @Pattern(regexp = ORIGIN, message = "must be an origin such as https://shop.example.com (scheme, host and optional port, nothing else)")
                String> allowedOrigins,
        @Nullable @Pattern(regexp = "opt_in|opt_out", message = "must be opt_in or opt_out") String consentMode,
        @Nullable @Min(0) @Max(10_000) Integer cmpWaitMs,
        @Nullable @Valid ConsentSettings consent,
        @Nullable @Valid CollectSettings collection,
        @Nullable Boolean requireApproval) {

    static final String ORIGIN = "^https?://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$";
    public static final int DEFAULT_CMP_WAIT_MS = 500;

    public List<String> originsOrEmpty() {
        return allowedOrigins == null ? List.of() : allowedOrigins;
    }

    public ConsentMode modeOrDefault() {
        return consentMode == null ? ConsentMode.opt_in : ConsentMode.valueOf(consentMode);
    }

    public ConsentSettings consentOrDefault() {
        return consent == null ? ConsentSettings.defaults() : consent.withDefaults();
    }

    public CollectSettings collectionOrDefault() {
        return collection == null ? CollectSettings.defaults() : collection.withDefaults();
    }

    public boolean approvalRequired() {
        return Boolean.TRUE.equals(requireApproval);
    }

    /** The rule after this update: an omitted field keeps the stored value. */
    public boolean approvalRequiredOr(boolean current) {
        return requireApproval == null ? current : requireApproval;
    }

    public int waitOrDefault() {
        return cmpWaitMs == null ? DEFAULT_CMP_WAIT_MS : cmpWaitMs;
    }
}
