package io.tagwarden.scan;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * The built-in test page of a published version ({@code /scan-page/{id}/{n}}): an empty page that loads exactly that
 * version's script ({@code /c/{id}@{n}.js}), what a scan without an address loads. Public like the script itself; its
 * policy lets the vendors' https scripts load once consent allows them, as they would on a site.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ScanTestPage {

    static final String POLICY = "default-src 'self'; script-src 'self' https:; connect-src 'self' https:; img-src 'self' data: https:; "
            + "frame-src https:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'";

    static String path(String containerId, int version) {
        return "/scan-page/" + containerId + "/" + version;
    }

    @Get(value = "/scan-page/{id}/{number}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(String id, int number) {
        if (!id.matches("TW-[A-Z0-9]{1,13}")) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(new ModelAndView<>("scans/test-page", Map.of("containerId", id, "version", number,
                        "scriptSrc", "/c/" + id + "@" + number + ".js")))
                .header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "no-store");
    }
}
