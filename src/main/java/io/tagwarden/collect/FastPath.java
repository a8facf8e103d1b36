package io.tagwarden.collect;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.serde.ObjectMapper;
import io.netty.channel.Channel;
import io.tagwarden.web.security.SecurityHeaders;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers {@code GET /p.gif} and {@code POST /collect} straight from the Netty pipeline, ahead of Micronaut's router
 * and filter chain (security, sessions, views: nothing of which applies to anonymous ingest), so an event costs little
 * more than its commit. Same rules ({@link Pixels}, {@link CollectRequests}), same answers and headers as
 * {@link PixelController} and {@link CollectController}, which take what this does not (see {@link FastPathHandler});
 * still only after the events are committed. HTTP/1.1 connections only; off with
 * {@code tagwarden.collect.fast-path=false}.
 */
@Singleton
@Requires(property = "tagwarden.collect.fast-path", notEquals = "false")
class FastPath implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "tagwarden-collect";
    /** The executor ({@code micronaut.executors.collect}) the ingest rules run on, here and in the controllers. */
    static final String EXECUTOR = "collect";
    private static final String CODEC = "http-server-codec";

    final Pixels pixels;
    final CollectRequests requests;
    final ObjectMapper json;
    final SecurityHeaders securityHeaders;
    final HttpServerConfiguration server;
    /** The rules run here, off the event loop: a container or ingest key not cached yet is read from the database. */
    final ExecutorService executor;
    private final LongAdder answered = new LongAdder();

    FastPath(Pixels pixels, CollectRequests requests, ObjectMapper json, SecurityHeaders securityHeaders,
             HttpServerConfiguration server, @Named(EXECUTOR) ExecutorService executor) {
        this.pixels = pixels;
        this.requests = requests;
        this.json = json;
        this.securityHeaders = securityHeaders;
        this.server = server;
        this.executor = executor;
    }

    /** Requests answered here since startup (the rest went to the controllers). */
    long answered() {
        return answered.sum();
    }

    void countAnswer() {
        answered.increment();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onInitialPipelineBuilt() {
            install();
        }

        @Override
        public void onStreamPipelineBuilt() {
            install();
        }

        private void install() {
            if (channel != null && channel.pipeline().get(CODEC) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(CODEC, HANDLER, new FastPathHandler(FastPath.this));
            }
        }
    }
}
