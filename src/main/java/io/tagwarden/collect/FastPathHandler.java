package io.tagwarden.collect;

import io.micronaut.http.HttpStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One connection's fast path (see {@link FastPath}). Takes {@code GET /p.gif}, and {@code POST /collect} with a
 * declared length, a JSON or text body and no {@code Content-Encoding} or {@code Expect}; everything else goes on to
 * Micronaut, which answers it by the same rules. Answers keep the order of requests on the connection: a request is
 * taken here only when Micronaut has no answer pending on it, and while one of ours waits for its commit, whatever else
 * the client sent is held (and reading paused) until that answer is written.
 */
final class FastPathHandler extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FastPathHandler.class);

    private final FastPath fastPath;
    private final FastPathMessages messages;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private int micronautInFlight;
    private boolean pending;
    private boolean discardingBody;
    /** A {@code POST /collect} whose body is arriving: what the headers said, and the bytes so far (null: too large). */
    private CollectRequest collecting;
    private ByteBuf collected;
    private long collectingLength;
    private boolean collectingKeepAlive;
    private boolean collectingHttp10;

    FastPathHandler(FastPath fastPath) {
        this.fastPath = fastPath;
        this.messages = new FastPathMessages(fastPath);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (pending || !held.isEmpty()) {
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
        if (collecting != null && msg instanceof HttpContent content) {
            append(ctx, content);
            return;
        }
        if (msg instanceof HttpRequest request && micronautInFlight == 0 && request.decoderResult().isSuccess()) {
            if (isPixel(request)) {
                pixel(ctx, request);
                return;
            }
            if (isCollect(request)) {
                startCollect(ctx, request);
                return;
            }
        }
        if (msg instanceof HttpRequest) {
            micronautInFlight++;
        }
        ctx.fireChannelRead(msg);
    }

    private void pixel(ChannelHandlerContext ctx, HttpRequest request) {
        discardingBody = !(request instanceof LastHttpContent);
        PixelRequest hit = messages.pixel(ctx, request);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        ReferenceCountUtil.release(request);
        respond(ctx, () -> fastPath.pixels.record(hit), done -> messages.gif(), keepAlive, http10);
    }

    private void startCollect(ChannelHandlerContext ctx, HttpRequest request) {
        long length = HttpUtil.getContentLength(request, -1L);
        collecting = messages.collect(ctx, request);
        collectingLength = length;
        collectingKeepAlive = HttpUtil.isKeepAlive(request);
        collectingHttp10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        collected = length <= fastPath.requests.maxBodyBytes() ? ctx.alloc().heapBuffer((int) length) : null;
        if (request instanceof HttpContent content) {
            append(ctx, content);
        } else {
            ReferenceCountUtil.release(request);
        }
    }

    private void append(ChannelHandlerContext ctx, HttpContent content) {
        if (collected != null) {
            collected.writeBytes(content.content());
        }
        boolean last = content instanceof LastHttpContent;
        ReferenceCountUtil.release(content);
        if (!last) {
            return;
        }
        CollectRequest headers = collecting;
        boolean keepAlive = collectingKeepAlive;
        boolean http10 = collectingHttp10;
        collecting = null;
        if (collected == null) {
            CollectAnswer tooLarge = fastPath.requests.tooLarge(collectingLength);
            respond(ctx, () -> CompletableFuture.completedFuture(tooLarge), messages::answer, keepAlive, http10);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(collected);
        collected.release();
        collected = null;
        CollectRequest request = new CollectRequest(body, headers.containerParam(), headers.authorization(), headers.origin(),
                headers.userAgent(), headers.secGpc(), headers.visitorCookie(), headers.tls(), headers.client());
        respond(ctx, () -> fastPath.requests.handle(request), messages::answer, keepAlive, http10);
    }

    /**
     * Runs the rules off the event loop ({@code work}: it completes once the events are committed), then builds the
     * answer and writes it on the connection's own thread, in order.
     */
    private <T> void respond(ChannelHandlerContext ctx, Supplier<CompletableFuture<T>> work, Function<T, FullHttpResponse> answer,
                             boolean keepAlive, boolean http10) {
        pending = true;
        ctx.channel().config().setAutoRead(false);
        CompletableFuture.supplyAsync(work, fastPath.executor).thenCompose(f -> f).whenComplete((result, failure) ->
                ctx.executor().execute(() -> write(ctx, build(answer, result, failure), keepAlive, http10)));
    }

    private <T> FullHttpResponse build(Function<T, FullHttpResponse> answer, T result, Throwable failure) {
        try {
            return failure == null ? answer.apply(result) : failed(failure);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private FullHttpResponse failed(Throwable failure) {
        LOG.error("A collection request failed", failure);
        return messages.answer(CollectAnswer.error(HttpStatus.INTERNAL_SERVER_ERROR, "The events could not be stored; none of them was. Retry later."));
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive, boolean http10) {
        fastPath.countAnswer();
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (http10) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ctx.writeAndFlush(response);
        pending = false;
        while (!pending && !held.isEmpty()) {
            process(ctx, held.poll());
        }
        if (!pending) {
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL)
                && micronautInFlight > 0) {
            micronautInFlight--;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
        if (collected != null) {
            collected.release();
            collected = null;
        }
    }

    private static boolean isPixel(HttpRequest request) {
        String uri = request.uri();
        return request.method() == HttpMethod.GET && (uri.equals("/p.gif") || uri.startsWith("/p.gif?"));
    }

    /** A POST /collect this handler can take as Micronaut would: its length known and within the server's limit. */
    private boolean isCollect(HttpRequest request) {
        String uri = request.uri();
        if (request.method() != HttpMethod.POST || !(uri.equals("/collect") || uri.startsWith("/collect?"))) {
            return false;
        }
        var headers = request.headers();
        long length = HttpUtil.getContentLength(request, -1L);
        return length >= 0 && length <= fastPath.server.getMaxRequestSize() && !headers.contains(HttpHeaderNames.EXPECT)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && (!headers.contains(HttpHeaderNames.CONTENT_ENCODING) || headers.contains(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.IDENTITY, true))
                && isJsonOrText(headers.get(HttpHeaderNames.CONTENT_TYPE));
    }

    private static boolean isJsonOrText(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.equals("text/plain");
    }
}
