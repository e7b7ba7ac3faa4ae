package dev.floe.gitops.webhook.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The worker's {@code group.instance.id} when none is configured: made up once and kept in the data
 * directory, so the same replica (same volume) always rejoins as the same static member and gets
 * its partitions back at once. A StatefulSet can configure the pod name instead.
 */
public final class WorkerInstanceId {

  static final String FILE = "worker-instance-id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private WorkerInstanceId() {}

  public static String fromDataDir(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        try {
          Files.writeString(file, "worker-" + UUID.randomUUID() + "\n", StandardCharsets.US_ASCII,
              StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException raced) {
          // another start wrote it first: use theirs
        }
      }
      String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (!VALID.matcher(id).matches()) {
        throw new IllegalStateException(file + " does not hold a valid worker instance id;"
            + " delete it to have a new one made");
      }
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read or create " + file, e);
    }
  }
}
