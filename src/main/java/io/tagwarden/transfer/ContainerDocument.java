package io.tagwarden.transfer;

import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.container.ContainerRequest;
import io.tagwarden.tag.TagRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A container's draft as one JSON document: what export writes and import reads. */
@Serdeable
public record ContainerDocument(
        @NotNull @Pattern(regexp = "^" + ContainerDocument.FORMAT_PATTERN + "$", message = "must be " + ContainerDocument.FORMAT) String format,
        @NotNull @Valid ContainerRequest container,
        @NotNull @Size(max = 500) List<@Valid @NotNull TagRequest> tags) {

    public static final String FORMAT = "tagwarden.container/1";
    static final String FORMAT_PATTERN = "tagwarden\\.container/1";
}
