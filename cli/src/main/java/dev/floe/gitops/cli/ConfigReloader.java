package dev.floe.gitops.cli;

import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.GitopsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches {@code serve}'s configuration file by polling its content (a digest, not the mtime: a
 * Kubernetes ConfigMap update swaps a symlink, and an edit can land in the same second). A changed
 * file is loaded like at start (flags and {@code FLOE_GITOPS_*} variables over the file); when it
 * is valid and its {@code repositories} or {@code organizations} differ, they are applied; when it
 * is invalid, every problem is logged with its key path and the running configuration stays.
 */
final class ConfigReloader {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

  private final Path file;
  private final Supplier<ConfigLoadResult> load;
  private final Consumer<GitopsConfig> apply;
  private GitopsConfig current;
  private byte[] digest;

  ConfigReloader(Path file, GitopsConfig current, Supplier<ConfigLoadResult> load,
      Consumer<GitopsConfig> apply) {
    this.file = file;
    this.current = current;
    this.load = load;
    this.apply = apply;
    this.digest = digest();
  }

  /** One poll; answers whether a new configuration was applied. Not thread-safe: one poller. */
  boolean check() {
    byte[] now = digest();
    if (now == null || Arrays.equals(now, digest)) {
      return false;
    }
    digest = now;
    ConfigLoadResult result = load.get();
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      LOG.error("configuration file {} changed but is invalid; the running configuration stays:\n{}",
          file, invalid.report());
      return false;
    }
    GitopsConfig next = ((ConfigLoadResult.Loaded) result).config();
    if (Objects.equals(next.repositories(), current.repositories())
        && Objects.equals(next.organizations(), current.organizations())) {
      LOG.info("configuration file {} changed; repositories unchanged, other changes take effect at"
          + " the next restart", file);
      current = next;
      return false;
    }
    current = next;
    apply.accept(next);
    return true;
  }

  /** The file's SHA-256, or null while it cannot be read (being replaced): try again next poll. */
  private byte[] digest() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      LOG.debug("configuration file {} not readable now: {}", file, e.getMessage());
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
