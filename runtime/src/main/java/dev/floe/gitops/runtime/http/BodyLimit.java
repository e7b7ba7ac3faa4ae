package dev.floe.gitops.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the request body with a size limit enforced while it streams: a declared Content-Length over the
 * limit is refused before any byte is read, and a chunked body is refused as soon as the bytes received
 * pass the limit, so an oversized body is never buffered whole. The collected body is available to the
 * next handler through {@link #body(RoutingContext)}.
 * <p>
 * After a 413 the rest of the body is read and dropped (up to {@code drainBytes}) before the connection is
 * closed: closing with unread data makes TCP reset the connection, and the client could lose the 413.
 */
public final class BodyLimit implements Handler<RoutingContext> {

    private static final String BODY = "floe.body";

    private final long maxBytes;
    private final long drainBytes;

    private BodyLimit(long maxBytes, long drainBytes) {
        this.maxBytes = maxBytes;
        this.drainBytes = drainBytes;
    }

    public static BodyLimit of(long maxBytes) {
        return new BodyLimit(maxBytes, Math.max(maxBytes, 1L << 20));
    }

    /** The body collected by this handler earlier in the chain. */
    public static Buffer body(RoutingContext ctx) {
        Buffer body = ctx.get(BODY);
        if (body == null) throw new IllegalStateException("BodyLimit must run before this handler");
        return body;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                ctx.fail(HttpProblem.badRequest("Content-Length is not a number"));
                return;
            }
            if (length > maxBytes) {
                refuse(ctx, new long[] {0});
                return;
            }
        }
        if (request.isEnded()) {
            ctx.put(BODY, Buffer.buffer());
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        long[] dropped = {-1}; // -1 while accepting; bytes dropped since refusing afterwards
        request.handler(chunk -> {
            if (dropped[0] >= 0) {
                dropped[0] += chunk.length();
                if (dropped[0] > drainBytes) closeConnection(request);
            } else if (body.length() + (long) chunk.length() > maxBytes) {
                dropped[0] = 0;
                refuse(ctx, dropped);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (dropped[0] >= 0) {
                closeConnection(request);
            } else {
                ctx.put(BODY, body);
                ctx.next();
            }
        });
        request.exceptionHandler(e -> { /* the connection is gone; nothing to answer */ });
        request.resume(); // the router pauses requests until a handler wants the body
    }

    private void refuse(RoutingContext ctx, long[] dropped) {
        HttpServerRequest request = ctx.request();
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ErrorResponses.write(ctx.response(), HttpProblem.payloadTooLarge(maxBytes)).onComplete(ar -> {
            if (request.isEnded()) closeConnection(request);
        });
        if (!request.isEnded()) {
            if (dropped[0] < 0) dropped[0] = 0;
            request.handler(chunk -> {
                dropped[0] += chunk.length();
                if (dropped[0] > drainBytes) closeConnection(request);
            });
            request.endHandler(v -> closeConnection(request));
            request.resume();
        }
    }

    private static void closeConnection(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        // HTTP/2 multiplexes other requests on the connection: reset only this stream there.
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
        } else if (connection != null) {
            connection.close();
        }
    }
}
