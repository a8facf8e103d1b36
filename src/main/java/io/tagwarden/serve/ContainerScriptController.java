package io.tagwarden.serve;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.compile.CompiledArtifact;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves container scripts to sites. {@code /c/TW-XXXX.js} is the latest version (short max-age, revalidated
 * by ETag); {@code /c/TW-XXXX@3.js} is version 3 exactly (immutable for a year; its SRI hash is in the
 * versions API and the {@code X-Integrity} header). Cache hits are answered on the event loop; misses go to
 * the blocking pool for the database.
 */
@Controller("/c")
@Secured(SecurityRule.IS_ANONYMOUS)
class ContainerScriptController {

    static final String JS = "text/javascript; charset=utf-8";
    private static final Pattern FILE = Pattern.compile("^(TW-[A-Z0-9]{1,16})(?:@([0-9]{1,9}))?\\.js$");

    private final ArtifactCache cache;
    private final ExecutorService blocking;
    private final long latestMaxAge;

    ContainerScriptController(ArtifactCache cache, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                              @io.micronaut.context.annotation.Value("${tagwarden.serve.latest-max-age:300}") long latestMaxAge) {
        this.cache = cache;
        this.blocking = blocking;
        this.latestMaxAge = latestMaxAge;
    }

    @Get("/{file}")
    CompletableFuture<MutableHttpResponse<?>> script(String file,
                                                      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                      @Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        Matcher m = FILE.matcher(file);
        if (!m.matches()) {
            return CompletableFuture.completedFuture(notFound("No such container script. Use /c/<container id>.js or /c/<container id>@<version>.js."));
        }
        String containerId = m.group(1);
        boolean pinned = m.group(2) != null;
        Optional<ScriptLookup> hit = pinned ? cache.pinnedIfCached(containerId, Integer.parseInt(m.group(2)))
                : cache.latestIfFresh(containerId);
        Supplier<ScriptLookup> miss = pinned ? () -> cache.pinned(containerId, Integer.parseInt(m.group(2)))
                : () -> cache.latest(containerId);
        CompletableFuture<ScriptLookup> lookup = hit.map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.supplyAsync(miss, blocking));
        return lookup.thenApply(found -> respond(found, pinned, ifNoneMatch, acceptEncoding));
    }

    private MutableHttpResponse<?> respond(ScriptLookup lookup, boolean pinned, String ifNoneMatch, String acceptEncoding) {
        if (lookup.artifact() == null) {
            return notFound(lookup.missing());
        }
        CompiledArtifact artifact = lookup.artifact();
        String cacheControl = pinned ? "public, max-age=31536000, immutable" : "public, max-age=" + latestMaxAge;
        MutableHttpResponse<?> response;
        if (EntityTags.matches(ifNoneMatch, artifact.etag())) {
            response = HttpResponse.notModified();
        } else if (acceptsGzip(acceptEncoding)) {
            response = HttpResponse.ok(artifact.gzipped()).header(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else {
            response = HttpResponse.ok(artifact.bytes());
        }
        return response.contentType(JS)
                .header(HttpHeaders.ETAG, artifact.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Integrity", artifact.sri())
                .header("X-Tagwarden-Version", Integer.toString(lookup.version()));
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static MutableHttpResponse<?> notFound(String message) {
        return HttpResponse.notFound(message).contentType(MediaType.TEXT_PLAIN_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
