package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's pixel fast path (see {@link PixelFastPath}). Answers keep the order of requests on the connection:
 * a pixel is taken here only when Micronaut has no answer pending on it, and while a pixel's answer waits for its
 * commit, whatever else the client sent is held (and reading paused) until the GIF is written.
 */
final class PixelHandler extends ChannelDuplexHandler {

    private final Pixels pixels;
    private final @Nullable String clientAddressHeader;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private int micronautInFlight;
    private boolean pixelPending;
    private boolean discardingBody;

    PixelHandler(Pixels pixels, @Nullable String clientAddressHeader) {
        this.pixels = pixels;
        this.clientAddressHeader = clientAddressHeader;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (pixelPending || !held.isEmpty()) {
            held.add(msg);
            return;
        }
        process(ctx, msg);
    }

    private void process(ChannelHandlerContext ctx, Object msg) {
        if (discardingBody && msg instanceof HttpContent content) {
            discardingBody = !(content instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && micronautInFlight == 0 && isPixel(request)) {
            discardingBody = !(msg instanceof LastHttpContent);
            pixelPending = true;
            ctx.channel().config().setAutoRead(false);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            PixelRequest hit = hit(ctx, request);
            ReferenceCountUtil.release(msg);
            pixels.record(hit).whenComplete((done, failure) -> ctx.executor().execute(() -> answer(ctx, keepAlive)));
            return;
        }
        if (msg instanceof HttpRequest) {
            micronautInFlight++;
        }
        ctx.fireChannelRead(msg);
    }

    private void answer(ChannelHandlerContext ctx, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(Pixels.GIF));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/gif")
                .set(HttpHeaderNames.CONTENT_LENGTH, Pixels.GIF.length)
                .set(HttpHeaderNames.CACHE_CONTROL, Pixels.CACHE_CONTROL)
                .set(HttpHeaderNames.PRAGMA, HttpHeaderValues.NO_CACHE)
                .set("X-Content-Type-Options", "nosniff");
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(response);
        pixelPending = false;
        while (!pixelPending && !held.isEmpty()) {
            process(ctx, held.poll());
        }
        if (!pixelPending) {
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse r && r.status().codeClass()
                == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) && micronautInFlight > 0) {
            micronautInFlight--;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }

    private static boolean isPixel(HttpRequest request) {
        String uri = request.uri();
        return request.method() == HttpMethod.GET && (uri.equals("/p.gif") || uri.startsWith("/p.gif?"));
    }

    private PixelRequest hit(ChannelHandlerContext ctx, HttpRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : new QueryStringDecoder(request.uri()).parameters().entrySet()) {
            if (!p.getValue().isEmpty()) {
                query.put(p.getKey(), p.getValue().get(0));
            }
        }
        return new PixelRequest(query, request.headers().get(HttpHeaderNames.USER_AGENT), "1".equals(request.headers().get("Sec-GPC")),
                request.headers().get(HttpHeaderNames.REFERER), client(ctx, request));
    }

    /** As Micronaut's resolver: the configured client-address header's first address, else the peer's. */
    private String client(ChannelHandlerContext ctx, HttpRequest request) {
        if (clientAddressHeader != null) {
            String forwarded = request.headers().get(clientAddressHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }
}
