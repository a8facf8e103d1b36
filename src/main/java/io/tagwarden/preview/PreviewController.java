package io.tagwarden.preview;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.tagwarden.compile.ContainerCompiler;
import io.tagwarden.compile.ContainerModel;
import io.tagwarden.container.ContainerService;
import io.tagwarden.container.ContainerView;
import io.tagwarden.version.PublishService;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Preview of a container's draft, the equivalent of a tag assistant without a browser extension. The admin
 * page ({@code /containers/{id}/preview}) frames a sandboxed test page ({@code /preview?t=…}) that loads the
 * draft compiled for a chosen page address, with a debug panel showing each tag's status as the runtime sees it.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PreviewController {

    /**
     * The framed test page runs vendors' code: it gets an opaque origin (CSP sandbox without allow-same-origin),
     * may load https scripts and send to https hosts, and may be framed by the admin app only. In a sandboxed
     * document 'self' matches nothing, so the server's own origin is named.
     */
    static String framePolicy(String origin) {
        return "default-src " + origin + "; script-src " + origin + " https:; connect-src " + origin + " https:; "
                + "img-src " + origin + " data: https:; frame-src https:; style-src " + origin + " 'unsafe-inline'; "
                + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-scripts allow-forms";
    }

    private static final int MAX_URL = 2000;

    private final ContainerService containers;
    private final PublishService publisher;
    private final ContainerCompiler compiler;
    private final PreviewTickets tickets;
    private final HttpHostResolver hosts;

    PreviewController(ContainerService containers, PublishService publisher, ContainerCompiler compiler, PreviewTickets tickets,
                      HttpHostResolver hosts) {
        this.hosts = hosts;
        this.containers = containers;
        this.publisher = publisher;
        this.compiler = compiler;
        this.tickets = tickets;
    }

    @Get(value = "/containers/{id}/preview", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> page(String id, @Nullable @QueryValue String url) {
        ContainerView container = containers.view(containers.get(id));
        String fallback = container.allowedOrigins().isEmpty() ? "https://www.example.com/" : container.allowedOrigins().get(0) + "/";
        Optional<String> error = url == null || url.isBlank() ? Optional.empty() : problemWith(url.strip());
        String pageUrl = url == null || url.isBlank() || error.isPresent() ? fallback : url.strip();
        Map<String, Object> model = new HashMap<>();
        model.put("container", container);
        model.put("url", url == null || url.isBlank() ? pageUrl : url);
        model.put("error", error.orElse(null));
        model.put("frameSrc", "/preview?t=" + tickets.issue(id, pageUrl));
        model.put("tags", tagsOf(publisher.draft(id)));
        return error.isPresent() ? HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("preview/page", model))
                : HttpResponse.ok(new ModelAndView<>("preview/page", model));
    }

    @Get(value = "/preview", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> frame(@Nullable @QueryValue String t, HttpRequest<?> request) {
        Optional<PreviewTicket> ticket = tickets.verify(t);
        if (ticket.isEmpty()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("error",
                    Map.of("status", 403, "title", "Preview link expired",
                            "message", "This preview link is not valid any more. Open the preview again from the container's page.")));
        }
        ContainerModel draft = publisher.draft(ticket.get().containerId());
        Map<String, Object> model = new HashMap<>();
        model.put("name", draft.name());
        model.put("pageUrl", ticket.get().pageUrl());
        model.put("tags", tagsOf(draft));
        model.put("banner", draft.consent().banner() != null);
        model.put("scriptSrc", "/preview.js?t=" + t);
        return HttpResponse.ok(new ModelAndView<>("preview/frame", model))
                .header("Content-Security-Policy", framePolicy(originOf(request)))
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Cache-Control", "no-store");
    }

    @Get(value = "/preview.js", produces = "application/javascript")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> script(@Nullable @QueryValue String t) {
        Optional<PreviewTicket> ticket = tickets.verify(t);
        if (ticket.isEmpty()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body("/* preview link expired */");
        }
        ContainerModel draft = publisher.draft(ticket.get().containerId());
        byte[] script = compiler.compilePreview(draft, ticket.get().pageUrl()).artifact().bytes();
        return HttpResponse.ok(script).contentType("application/javascript; charset=utf-8").header("Cache-Control", "no-store");
    }

    private static List<PreviewTag> tagsOf(ContainerModel model) {
        return model.tags().stream().map(PreviewTag::of).toList();
    }

    /**
     * This server's origin as the browser addressed it (Micronaut's host resolution, which honours forwarded
     * headers when configured to); checked so a crafted Host header cannot add directives.
     */
    private String originOf(HttpRequest<?> request) {
        String origin = hosts.resolve(request);
        return origin != null && origin.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")
                ? origin : "'self'";
    }

    /** What is wrong with a page address to preview as, if anything. */
    static Optional<String> problemWith(String url) {
        if (url.length() > MAX_URL) {
            return Optional.of("The page address is longer than " + MAX_URL + " characters.");
        }
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                return Optional.of("Enter a full http:// or https:// address, for example https://shop.example/thank-you.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("That is not a valid address: " + e.getReason() + ".");
        }
    }
}
