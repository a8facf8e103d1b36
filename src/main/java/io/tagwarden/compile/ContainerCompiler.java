package io.tagwarden.compile;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ContainerModel} → {@link CompiledArtifact}: assembles the sources and compiles them on the small
 * bounded "compile" pool, so a burst of publishes cannot take every core or all the heap.
 */
@Singleton
public class ContainerCompiler {

    private final ScriptAssembler assembler;
    private final JsCompiler compiler;
    private final ExecutorService pool;
    private final Duration timeout;

    ContainerCompiler(ScriptAssembler assembler, JsCompiler compiler, @Named("compile") ExecutorService pool,
                      @Value("${tagwarden.compiler.timeout:30s}") Duration timeout) {
        this.assembler = assembler;
        this.compiler = compiler;
        this.pool = pool;
        this.timeout = timeout;
    }

    public CompileResult compile(ContainerModel model) {
        return compile(model, null);
    }

    /** A build for the admin app's preview page: triggers match {@code pageUrl} instead of the page's address. */
    public CompileResult compilePreview(ContainerModel model, String pageUrl) {
        return compile(model, Objects.requireNonNull(pageUrl));
    }

    private CompileResult compile(ContainerModel model, String previewPageUrl) {
        long start = System.nanoTime();
        Future<String> job = pool.submit(() -> compiler.compile(assembler.assemble(model, previewPageUrl), ScriptAssembler.ENTRY));
        try {
            String script = job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            CompiledArtifact artifact = CompiledArtifact.of(script.getBytes(StandardCharsets.UTF_8));
            return new CompileResult(artifact, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new IllegalStateException("Compiling container " + model.containerId() + " took longer than " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compiling", e);
        }
    }
}
