package io.tagwarden.compliance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.e2e.support.SevenVendorContainer;
import io.tagwarden.support.BrowserlessSession;
import io.tagwarden.support.TestApi;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gating matrix of a published version: per vendor, hosts and cookies from its descriptor, the signals, GPC; diff; exports. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatingMatrixTest {

    @Inject
    EmbeddedServer server;

    @Inject
    VendorCatalog catalog;

    TestApi admin;
    String id;

    @BeforeAll
    void publish() {
        admin = TestApi.admin(server.getURI());
        admin.createUser("rhea", "reviewer");
        id = SevenVendorContainer.publish(admin, catalog, "\"consent\": {\"signals\": [\"tcf\", \"onetrust\"], \"banner\": {\"revision\": 3}}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void everyVendorsRowListsItsDeclaredHostsAndCookiesTheSignalsThatGrantItAndWhatGpcDoes() {
        Map<String, Object> matrix = admin.map(admin.get("/api/containers/" + id + "/versions/1/matrix"));
        assertThat(map(matrix.get("policy"))).containsEntry("cmpWaitMs", 500).containsEntry("bannerRevision", 3)
                .containsEntry("signals", List.of("tcf", "onetrust"));
        List<Map<String, Object>> rows = ((List<?>) matrix.get("tags")).stream().map(GatingMatrixTest::map).toList();
        assertThat(rows).hasSize(8);
        for (String vendor : SevenVendorContainer.SEVEN) {
            VendorDescriptor d = catalog.get(vendor).descriptor();
            Map<String, Object> row = rows.stream().filter(r -> r.get("vendor").equals(vendor)).findFirst().orElseThrow();
            assertThat(row).containsEntry("category", "marketing").containsEntry("vendorName", d.name())
                    .containsEntry("trigger", "on page load, every page");
            assertThat(((List<?>) row.get("hosts")).stream().map(h -> map(h).get("host")).toList())
                    .as(vendor).containsExactlyElementsOf(d.hosts().stream().map(VendorDescriptor.HostUse::host).toList());
            assertThat(((List<?>) row.get("cookies")).stream().map(c -> map(c).get("name")).toList())
                    .as(vendor).containsExactlyElementsOf(d.cookies().stream().map(VendorDescriptor.CookieUse::name).toList());
            assertThat(((List<?>) row.get("hosts")).stream().map(h -> (String) map(h).get("reason")).toList()).allMatch(r -> !r.isBlank());
            List<?> grantedBy = (List<?>) row.get("grantedBy");
            assertThat(grantedBy.get(0).toString()).startsWith("IAB TCF v2.2").contains("purposes 1, 2, 3, 4, 7");
            if (d.gvlId() != null) {
                assertThat(grantedBy.get(0).toString()).as(vendor).contains("vendor consent or legitimate interest for GVL id " + d.gvlId());
            }
            assertThat(grantedBy.get(1).toString()).isEqualTo("OneTrust: group C0004 active");
            assertThat(grantedBy.toString()).contains("Tagwarden's banner: the visitor accepts marketing (revision 3)");
            assertThat((String) row.get("gpc")).startsWith("blocked");
            assertThat((String) row.get("serverSide")).isEqualTo("no: browser only");
        }
        assertThat(matrix.get("tagwarden").toString()).contains("tw_consent").contains("tw_vid").contains("/collect");
        // The declared hosts are frozen with the version, so a later descriptor change cannot rewrite this version's evidence.
        Map<String, Object> version = admin.map(admin.get("/api/containers/" + id + "/versions/1"));
        assertThat(version.toString()).contains("connect.facebook.net").contains("_fbp");
    }

    @Test
    void theMatrixSaysWhichTagsForwardFromTheServer() {
        String container = admin.createContainer("Server side");
        admin.createTag(container, TestApi.metaPurchaseTag().replace("\"event\": \"Purchase\",", "\"event\": \"Purchase\", \"delivery\": \"server\","));
        admin.createTag(container, TestApi.googlePageViewTag().replace("\"event\": \"PageView\",", "\"event\": \"PageView\", \"delivery\": \"browser_and_server\","));
        admin.publish(container, "server side");
        List<Map<String, Object>> rows = ((List<?>) admin.map(admin.get("/api/containers/" + container + "/versions/1/matrix")).get("tags"))
                .stream().map(GatingMatrixTest::map).toList();
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("vendor", "meta").extractingByKey("serverSide").asString().startsWith("server only"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("vendor", "google").extractingByKey("serverSide").asString().startsWith("yes"));
    }

    @Test
    void theMatrixDiffShowsATagMovedToAnotherCategoryAndATagAddedAndTheCsvHasEveryTag() throws Exception {
        String container = admin.createContainer("Diffing");
        long tag = admin.createTag(container, TestApi.metaPurchaseTag());
        admin.publish(container, "one");
        admin.expect(200, "PUT", "/api/containers/" + container + "/tags/" + tag,
                TestApi.metaPurchaseTag().replace("\"event\": \"Purchase\",", "\"event\": \"Purchase\", \"consentCategory\": \"analytics\","));
        admin.createTag(container, TestApi.googlePageViewTag());
        admin.publish(container, "two");
        Map<String, Object> diff = admin.map(admin.get("/api/containers/" + container + "/matrix/diff?from=1&to=2"));
        assertThat(diff.get("changed").toString()).contains("consent category: marketing → analytics");
        assertThat(diff.get("added").toString()).contains("Google");
        assertThat((List<?>) diff.get("removed")).isEmpty();

        String csv = new String(admin.get("/api/containers/" + container + "/versions/2/matrix?format=csv").body(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("container,version,tag,name,vendor").contains("connect.facebook.net").contains("\"analytics\"");

        BrowserlessSession reviewer = new BrowserlessSession(server.getURI());
        reviewer.signIn("rhea", "password-of-rhea");
        String page = reviewer.get("/containers/" + container + "/versions/2/matrix").body();
        assertThat(page).contains("Gating matrix").contains("connect.facebook.net").contains("Print or save as PDF")
                .contains("/static/print.js").contains("Meta purchase");
        String changes = reviewer.get("/containers/" + container + "/matrix/diff?from=1&to=2").body();
        assertThat(changes).contains("consent category: marketing → analytics").contains("Tags added");
        assertThat(reviewer.get("/containers/" + container + "/versions").body()).contains("Gating matrix").contains("Matrix changes");
    }
}
