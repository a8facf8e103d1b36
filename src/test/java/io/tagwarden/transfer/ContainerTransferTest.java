package io.tagwarden.transfer;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
public class ContainerTransferTest {

    @Inject
    EmbeddedServer server;
    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.admin(server.getURI());
    }

    @Test
    void exportThenImportMakesAnEqualContainerWithANewId() {
        String id = api.createContainer("Original");
        api.createTag(id, TestApi.metaPurchaseTag());
        api.createTag(id, TestApi.googlePageViewTag());
        HttpResponse<byte[]> exported = api.get("/api/containers/" + id + "/export");
        assertThat(exported.headers().firstValue("Content-Disposition")).hasValueSatisfying(h -> assertThat(h).contains(id + ".json"));
        String document = new String(exported.body());

        Map<String, Object> imported = api.expect(201, "POST", "/api/containers/import", document);
        String copy = (String) imported.get("id");
        assertThat(copy).isNotEqualTo(id);
        Map<String, Object> reExported = api.map(api.get("/api/containers/" + copy + "/export"));
        assertThat(reExported).isEqualTo(api.map(exported));
    }

    @Test
    void aBadTagInAnImportIsA400NamingItAndCreatesNothing() {
        int before = api.list(api.get("/api/containers")).size();
        String document = """
                {"format": "tagwarden.container/1", "container": {"name": "Half"},
                 "tags": [%s, %s]}""".formatted(TestApi.metaPurchaseTag(), TestApi.metaPurchaseTag().replace("123456789012345", "bad"));
        HttpResponse<byte[]> r = api.send("POST", "/api/containers/import", document);
        assertThat(r.statusCode()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) api.map(r).get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("tags[1].settings.pixelId");
        assertThat(api.list(api.get("/api/containers"))).hasSize(before);
    }

    @Test
    void anUnknownFormatIsRefused() {
        HttpResponse<byte[]> r = api.send("POST", "/api/containers/import",
                "{\"format\": \"gtm/2\", \"container\": {\"name\": \"x\"}, \"tags\": []}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body())).contains("format");
    }
}
