package dev.floe.gitops.webhook.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare mirrors under {@code <dataDir>/mirrors}, one per served repository, created on first use and kept open.
 * A mirror's folder is the sanitised repository name plus a short hash of its URL, so two names that sanitise alike,
 * or a repository whose URL changed, never share objects by accident.
 */
public final class MirrorStore implements AutoCloseable {

  private final Path root;
  private final Map<String, Mirror> open = new ConcurrentHashMap<>();

  public MirrorStore(Path dataDir) {
    this.root = dataDir.resolve("mirrors");
  }

  public Mirror mirror(String repositoryName, String url) throws IOException {
    String folder = folderName(repositoryName, url);
    try {
      return open.computeIfAbsent(folder, f -> {
        try {
          return new Mirror(repositoryName, openOrCreate(root.resolve(f)));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw new IOException("failed to open mirror of " + repositoryName + ": " + Redaction.message(e.getCause()), e.getCause());
    }
  }

  static String folderName(String name, String url) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.startsWith(".")) {
      safe = "_" + safe.substring(1);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return safe + "-" + HexFormat.of().formatHex(digest, 0, 4) + ".git";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Repository openOrCreate(Path dir) throws IOException {
    Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    if (!Files.exists(dir.resolve("objects"))) {
      Files.createDirectories(dir.getParent());
      repository.create(true);
    }
    return repository;
  }

  @Override
  public void close() {
    open.values().forEach(Mirror::close);
    open.clear();
  }
}
