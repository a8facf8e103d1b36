package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.ServerCookieEncoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.ssl.SslHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link FastPathHandler} reads from Netty's requests and writes as answers, as the controllers would. */
final class FastPathMessages {

    private final FastPath fastPath;
    private final @Nullable String clientAddressHeader;

    FastPathMessages(FastPath fastPath) {
        this.fastPath = fastPath;
        this.clientAddressHeader = fastPath.server.getClientAddressHeader();
    }

    PixelRequest pixel(ChannelHandlerContext ctx, HttpRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : new QueryStringDecoder(request.uri()).parameters().entrySet()) {
            if (!p.getValue().isEmpty()) {
                query.put(p.getKey(), p.getValue().get(0));
            }
        }
        HttpHeaders headers = request.headers();
        return new PixelRequest(query, headers.get(HttpHeaderNames.USER_AGENT), "1".equals(headers.get("Sec-GPC")),
                headers.get(HttpHeaderNames.REFERER), client(ctx, request));
    }

    /** All of a {@code POST /collect} but its body, which is still arriving. */
    CollectRequest collect(ChannelHandlerContext ctx, HttpRequest request) {
        List<String> c = new QueryStringDecoder(request.uri()).parameters().get("c");
        HttpHeaders headers = request.headers();
        return new CollectRequest(new byte[0], c == null || c.isEmpty() ? null : c.get(0), headers.get(HttpHeaderNames.AUTHORIZATION),
                headers.get(HttpHeaderNames.ORIGIN), headers.get(HttpHeaderNames.USER_AGENT), "1".equals(headers.get("Sec-GPC")),
                visitorCookie(headers.get(HttpHeaderNames.COOKIE)),
                VisitorCookie.isTls(ctx.pipeline().get(SslHandler.class) != null, headers.get("X-Forwarded-Proto")), client(ctx, request));
    }

    FullHttpResponse gif() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(Pixels.GIF));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/gif")
                .set(HttpHeaderNames.CONTENT_LENGTH, Pixels.GIF.length)
                .set(HttpHeaderNames.CACHE_CONTROL, Pixels.CACHE_CONTROL)
                .set(HttpHeaderNames.PRAGMA, HttpHeaderValues.NO_CACHE);
        return common(response);
    }

    FullHttpResponse answer(CollectAnswer answer) {
        byte[] body = answer.body() == null ? new byte[0] : json(answer.body());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status().getCode()), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        if (body.length > 0) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        if (answer.status().getCode() != 204) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        answer.headers().forEach(headers::set);
        if (answer.cookie() != null) {
            headers.add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.INSTANCE.encode(answer.cookie()));
        }
        return common(response);
    }

    private FullHttpResponse common(FullHttpResponse response) {
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        fastPath.securityHeaders.apply(headers::set, headers::contains);
        return response;
    }

    private byte[] json(Object body) {
        try {
            return fastPath.json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    private static String visitorCookie(@Nullable String header) {
        if (header == null) {
            return null;
        }
        for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
            if (VisitorCookie.NAME.equals(cookie.name())) {
                return cookie.value();
            }
        }
        return null;
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
