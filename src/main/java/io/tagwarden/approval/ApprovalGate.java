package io.tagwarden.approval;

import io.micronaut.core.annotation.Nullable;
import io.tagwarden.container.Container;
import io.tagwarden.version.ContainerDiff;
import io.tagwarden.version.PublishGate;
import io.tagwarden.web.ConflictException;
import jakarta.inject.Singleton;

/**
 * Publishing under a container's approval rule: a draft that loosens consent gating goes live only when the newest
 * request for the container was approved for exactly this draft on exactly the live version. Tightening changes,
 * and containers without the rule, publish directly.
 */
@Singleton
class ApprovalGate implements PublishGate {

    private final PublishApprovalRepository approvals;

    ApprovalGate(PublishApprovalRepository approvals) {
        this.approvals = approvals;
    }

    @Override
    public void check(Container container, ContainerDiff diff, @Nullable Integer baseVersion, String draftHash) {
        if (!container.requireApproval() || !diff.loosensConsent()) {
            return;
        }
        boolean approved = approvals.findFirstByContainerIdOrderByIdDesc(container.id())
                .map(a -> a.covers(baseVersion, draftHash)).orElse(false);
        if (!approved) {
            throw new ConflictException("This publish loosens consent gating (" + String.join("; ", diff.loosening())
                    + ") and container " + container.id() + " requires a reviewer's approval: submit the draft for approval "
                    + "and publish once it is approved (an approval covers exactly the draft that was submitted)");
        }
    }

    @Override
    public void published(Container container, String draftHash, int number) {
        approvals.findFirstByContainerIdOrderByIdDesc(container.id())
                .filter(a -> PublishApproval.APPROVED.equals(a.status()) && a.draftHash().equals(draftHash))
                .ifPresent(a -> approvals.update(a.withStatus(PublishApproval.PUBLISHED)));
    }
}
