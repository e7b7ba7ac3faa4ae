package dev.floe.gitops.cli;

import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;

/**
 * {@code floe-gitops serve} for {@link ServeProcessShutdownTest}, in its own JVM: the worker appends
 * each event's delivery id to the file named by {@code -Dfloe.test.record} (synced to disk) after a
 * short pause, so that SIGTERM finds events in flight.
 */
public final class FileRecordingServeMain {

  private FileRecordingServeMain() {}

  public static void main(String[] args) {
    Path file = Path.of(System.getProperty("floe.test.record"));
    ServeCommand serve = new ServeCommand(context -> (event, delivery) -> context.vertx().executeBlocking(() -> {
      Thread.sleep(150);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap((event.deliveryId() + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return (ProcessingOutcome) new ProcessingOutcome.Done("recorded");
    }, false), System.getenv(), "127.0.0.1");
    System.exit(new picocli.CommandLine(serve).execute(args));
  }

}
