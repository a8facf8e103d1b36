package io.tagwarden.transfer;

import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerRequest;
import io.tagwarden.container.ContainerService;
import io.tagwarden.tag.TagService;
import io.tagwarden.web.FieldError;
import io.tagwarden.web.InvalidInputException;
import jakarta.inject.Singleton;

import java.util.List;

/** Exports a container's draft as a {@link ContainerDocument} and imports one as a new container, all or nothing. */
@Singleton
class TransferService {

    private final ContainerService containers;
    private final TagService tags;

    TransferService(ContainerService containers, TagService tags) {
        this.containers = containers;
        this.tags = tags;
    }

    @Transactional
    ContainerDocument export(String containerId) {
        Container c = containers.get(containerId);
        return new ContainerDocument(ContainerDocument.FORMAT,
                new ContainerRequest(c.name(), c.allowedOriginList(), c.consentMode().name(), c.cmpWaitMs(),
                        containers.consentSettings(c), containers.collectSettings(c), c.requireApproval()),
                tags.list(containerId).stream().map(tags::asRequest).toList());
    }

    /** Creates a new container (with a new id) from the document; a bad tag rolls everything back. */
    @Transactional
    Container importDocument(ContainerDocument document) {
        Container created = containers.create(document.container());
        for (int i = 0; i < document.tags().size(); i++) {
            try {
                tags.create(created.id(), document.tags().get(i));
            } catch (InvalidInputException e) {
                String prefix = "tags[" + i + "].";
                List<FieldError> errors = e.errors().stream().map(f -> new FieldError(prefix + f.field(), f.message())).toList();
                throw new InvalidInputException(errors);
            }
        }
        return created;
    }
}
