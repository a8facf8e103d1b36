package io.tagwarden.collect;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

/**
 * Answers {@code GET /p.gif} straight from the Netty pipeline, ahead of Micronaut's router and filter chain (security,
 * session, views: nothing of which applies to an anonymous image), so the pixel costs little more than the GIF
 * itself. Same rules ({@link Pixels}) and the same answer as {@link PixelController}; still only after the event is
 * committed. HTTP/1.1 connections only; off with {@code tagwarden.collect.pixel-fast-path=false}.
 */
@Singleton
@Requires(property = "tagwarden.collect.pixel-fast-path", notEquals = "false")
class PixelFastPath implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "tagwarden-pixel";
    private static final String CODEC = "http-server-codec";

    private final Pixels pixels;
    private final HttpServerConfiguration server;

    PixelFastPath(Pixels pixels, HttpServerConfiguration server) {
        this.pixels = pixels;
        this.server = server;
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
                channel.pipeline().addAfter(CODEC, HANDLER, new PixelHandler(pixels, server.getClientAddressHeader()));
            }
        }
    }
}
