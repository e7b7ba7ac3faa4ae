package dev.floe.gitops.admission;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** A body of {@code count} copies of {@code chunk}, sent without a Content-Length (chunked). */
final class ChunkStream implements ReadStream<Buffer> {

    private final Buffer chunk;
    private int left;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private boolean paused;
    private boolean ended;

    ChunkStream(byte[] chunk, int count) {
        this.chunk = Buffer.buffer(chunk);
        this.left = count;
    }

    @Override public ReadStream<Buffer> exceptionHandler(Handler<Throwable> h) { return this; }

    @Override public ReadStream<Buffer> handler(Handler<Buffer> h) { this.handler = h; pump(); return this; }

    @Override public ReadStream<Buffer> pause() { paused = true; return this; }

    @Override public ReadStream<Buffer> resume() { paused = false; pump(); return this; }

    @Override public ReadStream<Buffer> fetch(long amount) { return resume(); }

    @Override public ReadStream<Buffer> endHandler(Handler<Void> h) { this.endHandler = h; pump(); return this; }

    private void pump() {
        while (!paused && handler != null && left > 0) {
            left--;
            handler.handle(chunk.copy());
        }
        if (left == 0 && !ended && endHandler != null && !paused) {
            ended = true;
            endHandler.handle(null);
        }
    }
}
