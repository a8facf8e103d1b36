package io.tagwarden.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.vendor.VendorDescriptor;

import java.time.Instant;
import java.util.List;

/**
 * What one published version loads and under which consent: the container's policy, one row per tag (vendor, event,
 * trigger, consent category, the signals that can grant it, what GPC does, the hosts the vendor's code contacts and
 * the cookies it may set, both with the reason the vendor descriptor gives, and whether it also forwards from the
 * server), and what Tagwarden itself stores in the browser.
 */
@Serdeable
public record GatingMatrix(String containerId, String containerName, int version, Instant publishedAt, String contentHash,
                           Policy policy, List<Row> tags, List<OwnUse> tagwarden) {

    /** The container-wide rules the version was published with. */
    @Serdeable
    public record Policy(String beforeChoice, int cmpWaitMs, List<String> signals, @Nullable Integer bannerRevision,
                         boolean firstPartyCollection) {
    }

    @Serdeable
    public record Row(String tagId, String name, String vendor, String vendorName, String event, String vendorEvent, String trigger,
                      String category, List<String> grantedBy, String gpc, List<VendorDescriptor.HostUse> hosts,
                      List<VendorDescriptor.CookieUse> cookies, String serverSide) {
    }

    /** Something Tagwarden itself sets or contacts, and when. */
    @Serdeable
    public record OwnUse(String what, String when, String why) {
    }
}
