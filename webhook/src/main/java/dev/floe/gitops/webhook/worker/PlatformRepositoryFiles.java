package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.git.GitAccess;
import dev.floe.gitops.webhook.git.Mirror;
import dev.floe.gitops.webhook.git.MirrorStore;
import dev.floe.gitops.webhook.git.Redaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * platform.yaml read from a platform repository (SPEC §4: environments name a platform.yaml and optionally the
 * repository holding it): the head of {@code platformBranch} is fetched into a bare mirror at most once per
 * {@code refresh}, and the file is read from that commit's tree, never checked out.
 *
 * <p>A fetch that fails after an earlier one succeeded keeps the last fetched commit (logged once per failure): the
 * platform repository being briefly away must not stop every deploy, and each deploy commit records the platform it was
 * rendered with ({@code Floe-Platform-Digest}), so the reconciler re-renders when the newer file arrives. A platform
 * never fetched is an error, which the queue retries.
 */
final class PlatformRepositoryFiles implements PlatformFiles, AutoCloseable {

  static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);
  private static final long MAX_BYTES = 1024L * 1024L;
  private static final Logger LOG = LoggerFactory.getLogger(PlatformRepositoryFiles.class);

  /** How the platform repository of an environment is reached. */
  interface Access {
    GitAccess forUrl(String url);
  }

  private final Map<String, EnvironmentConfig> environments;
  private final MirrorStore mirrors;
  private final Access access;
  private final Clock clock;
  private final Duration refresh;
  private final Map<String, Instant> fetchedAt = new java.util.concurrent.ConcurrentHashMap<>();

  PlatformRepositoryFiles(Map<String, EnvironmentConfig> environments, Path dataDir, Access access, Clock clock,
      Duration refresh) {
    this.environments = Map.copyOf(environments);
    this.mirrors = new MirrorStore(dataDir.resolve("platform"));
    this.access = access;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** Credentials of the served repository with the same URL (listed with {@code deploy: []}), else anonymous. */
  static Access fromServed(List<RepositoryConfig> repositories, GitCredentials credentials) {
    return url -> repositories.stream().filter(r -> r.url().equals(url)).findFirst()
        .map(credentials::forFetch).orElse(GitAccess.NONE);
  }

  @Override
  public byte[] read(String environment) throws IOException {
    EnvironmentConfig config = environments.get(environment);
    if (config == null || config.platformRepository().isEmpty()) {
      throw new IOException("environment '" + environment + "' has no platform repository");
    }
    String url = config.platformRepository().get();
    String branch = "refs/heads/" + config.platformBranch();
    String local = "refs/floe/platform/" + config.platformBranch();
    String where = Redaction.redact(url) + " (branch " + config.platformBranch() + ")";
    Mirror mirror = mirrors.mirror("platform", url);
    mirror.lock().lock();
    try {
      fetchIfDue(mirror, url, branch, local, where);
      ObjectId head = mirror.resolve(local).orElseThrow(() -> new IOException(
          "the platform repository " + where + " has no branch '" + config.platformBranch() + "'; set "
              + "environments." + environment + ".platformBranch"));
      return readFile(mirror, head, config.platform().toString().replace('\\', '/'), where, environment);
    } finally {
      mirror.lock().unlock();
    }
  }

  /** The environments this reads platform.yaml for. */
  java.util.Set<String> environments() {
    return environments.keySet().stream().filter(e -> environments.get(e).platformRepository().isPresent())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** The environment's platform repository URL and branch, when it reads platform.yaml from one. */
  Optional<EnvironmentConfig> repositoryOf(String environment) {
    return Optional.ofNullable(environments.get(environment)).filter(e -> e.platformRepository().isPresent());
  }

  /**
   * platform.yaml as a proposed change has it: {@code remoteRef} (a pull request's head ref) fetched now into its own
   * local ref and the environment's file read from that commit. Empty when the file is not in that commit.
   */
  Optional<byte[]> readAt(String environment, String remoteRef, String localName) throws IOException {
    EnvironmentConfig config = repositoryOf(environment).orElseThrow(() -> new IOException(
        "environment '" + environment + "' has no platform repository"));
    String url = config.platformRepository().get();
    String where = Redaction.redact(url) + " (" + remoteRef + ")";
    String local = "refs/floe/platform-review/" + localName;
    Mirror mirror = mirrors.mirror("platform", url);
    mirror.lock().lock();
    try {
      try {
        mirror.listAndFetch(url, access.forUrl(url), advertised -> Map.of(remoteRef, local));
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot fetch " + where + ": " + Redaction.message(e), e);
      }
      ObjectId head = mirror.resolve(local).orElseThrow(() -> new IOException(remoteRef + " not found on " + where));
      try {
        return Optional.of(readFile(mirror, head, config.platform().toString().replace('\\', '/'), where, environment));
      } catch (NotAFile e) {
        return Optional.empty();
      }
    } finally {
      mirror.lock().unlock();
    }
  }

  /** The configured path names no file in the commit read. */
  private static final class NotAFile extends IOException {
    NotAFile(String message) {
      super(message);
    }
  }

  private void fetchIfDue(Mirror mirror, String url, String branch, String local, String where) throws IOException {
    String key = url + " " + branch;
    Instant last = fetchedAt.get(key);
    Instant now = clock.instant();
    if (last != null && now.isBefore(last.plus(refresh))) {
      return;
    }
    try {
      mirror.listAndFetch(url, access.forUrl(url), advertised -> Map.of(branch, local));
      fetchedAt.put(key, now);
    } catch (IOException | RuntimeException e) {
      Optional<ObjectId> kept = mirror.resolve(local);
      if (kept.isEmpty()) {
        throw new IOException("cannot fetch the platform repository " + where + ": " + Redaction.message(e), e);
      }
      LOG.warn("platform repository {} not fetched, rendering with its last fetched commit {}: {}", where,
          kept.get().abbreviate(12).name(), Redaction.message(e));
    }
  }

  private static byte[] readFile(Mirror mirror, ObjectId head, String path, String where, String environment)
      throws IOException {
    try (ObjectReader reader = mirror.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(head);
      try (TreeWalk file = TreeWalk.forPath(reader, path, commit.getTree())) {
        if (file == null || file.getFileMode(0) != FileMode.REGULAR_FILE && file.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
          throw new NotAFile("'" + path + "' is not a file in the platform repository " + where + " at "
              + head.abbreviate(12).name() + "; check environments." + environment + ".platform");
        }
        ObjectId blob = file.getObjectId(0);
        if (reader.getObjectSize(blob, Constants.OBJ_BLOB) > MAX_BYTES) {
          throw new IOException("'" + path + "' in the platform repository " + where + " is larger than "
              + MAX_BYTES + " bytes");
        }
        return reader.open(blob, Constants.OBJ_BLOB).getCachedBytes((int) MAX_BYTES);
      }
    } catch (LargeObjectException e) {
      throw new IOException("'" + path + "' in the platform repository " + where + " is too large", e);
    }
  }

  @Override
  public void close() {
    mirrors.close();
  }
}
