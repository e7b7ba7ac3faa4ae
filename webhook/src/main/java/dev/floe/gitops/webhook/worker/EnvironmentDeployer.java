package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.service.EventMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import dev.floe.gitops.compiler.RenderedTree;
import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.git.Mirror;
import dev.floe.gitops.webhook.git.MirrorStore;
import dev.floe.gitops.webhook.git.Redaction;
import dev.floe.gitops.webhook.queue.Backoff;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import dev.floe.gitops.webhook.git.GitAccess;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * One environment of one repository, as named steps (STYLE.md): fetch → decide → compile → scan → commit → push, and
 * on a lost compare-and-swap: fetch, decide again, rebuild, retry (bounded, with the injected backoff between tries).
 * Every failure of a step becomes an outcome whose text says "failed to &lt;step&gt;: …" and carries no URL.
 */
public final class EnvironmentDeployer {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EnvironmentDeployer.class);

  /** Where deploy branches are kept in a mirror, apart from the source repository's own branches. */
  static final String LOCAL_DEPLOY_PREFIX = "refs/floe/deploy/";
  static final String LOCAL_PR_PREFIX = "refs/floe/pull/";
  static final String LOCAL_PLATFORM_PREVIEW_PREFIX = "refs/floe/platform-preview/";
  /** Refs fetched because they point at a report's commit: {@code refs/pull/7/head} → {@code refs/floe/report/pull/7/head}. */
  static final String LOCAL_REPORT_PREFIX = "refs/floe/report/";
  /** A PR's diff is for reading in a comment or a page: past this it is cut (GitHub's comment limit is 65,536). */
  static final int MAX_PREVIEW_DIFF_CHARS = 1 << 20;

  /** Bounds of the compare-and-swap loop; {@code sleeper} lets tests skip the real waiting. */
  public record Settings(int pushAttempts, Backoff backoff, Sleeper sleeper, DeployGate gate) {
    public Settings {
      if (pushAttempts < 1) {
        throw new IllegalArgumentException("pushAttempts must be >= 1");
      }
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(gate, "gate");
    }

    /** Without deploy gates. */
    public Settings(int pushAttempts, Backoff backoff, Sleeper sleeper) {
      this(pushAttempts, backoff, sleeper, DeployGate.OPEN);
    }
  }

  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
  }

  private final MirrorStore mirrors;
  private final GitCredentials credentials;
  private final PlatformFiles platforms;
  private final RenderStep render;
  private final PolicyScanStep scan;
  private final CommitBuilder commits;
  private final CasPusher pusher = new CasPusher();
  private final Settings settings;
  private final Tracing tracing;
  private final EventMetrics metrics;

  EnvironmentDeployer(MirrorStore mirrors, GitCredentials credentials, PlatformFiles platforms, RenderStep render,
      PolicyScanStep scan, CommitBuilder commits, Settings settings, Tracing tracing, EventMetrics metrics) {
    this.tracing = tracing;
    this.metrics = metrics;
    this.mirrors = mirrors;
    this.credentials = credentials;
    this.platforms = platforms;
    this.render = render;
    this.scan = scan;
    this.commits = commits;
    this.settings = settings;
  }

  /** Renders the environment's current source head (or the rollback's commit) and fast-forwards its deploy branch. */
  public DeployOutcome deploy(RepositoryConfig repository, DeployTarget target, Trigger trigger) {
    Span span = tracing.child("deploy " + target.environment());
    Tracing.set(span, Tracing.Attr.REPOSITORY, repository.name());
    Tracing.set(span, Tracing.Attr.ENVIRONMENT, target.environment());
    try (Scope ignored = span.makeCurrent()) {
      DeployOutcome outcome = deployLocked(repository, target, trigger);
      if (!(outcome instanceof DeployOutcome.Gated)) {
        settings.gate().settled(repository, target, outcome);
      }
      Tracing.set(span, Tracing.Attr.OUTCOME, outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
      if (outcome instanceof DeployOutcome.Deployed deployed) {
        Tracing.set(span, Tracing.Attr.SOURCE_COMMIT, deployed.sourceCommit().name());
      }
      return outcome;
    } finally {
      span.end();
    }
  }

  private DeployOutcome deployLocked(RepositoryConfig repository, DeployTarget target, Trigger trigger) {
    Mirror mirror;
    try {
      mirror = mirrors.mirror(repository.name(), repository.url());
    } catch (IOException e) {
      return new DeployOutcome.Transient("failed to open mirror: " + Redaction.message(e));
    }
    mirror.lock().lock();
    try {
      String last = "";
      for (int attempt = 1; attempt <= settings.pushAttempts(); attempt++) {
        Step step = attempt(mirror, repository, target, trigger);
        if (step instanceof Final f) {
          return f.outcome();
        }
        last = ((LostRace) step).status();
        if (attempt < settings.pushAttempts()) {
          metrics.pushRetried();
          settings.sleeper().sleep(settings.backoff().delay(attempt));
        }
      }
      return new DeployOutcome.Transient("failed to push " + target.deployBranch() + ": the branch kept moving ("
          + settings.pushAttempts() + " attempts, last " + last + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeployOutcome.Transient("interrupted");
    } finally {
      mirror.lock().unlock();
    }
  }

  private sealed interface Step {}

  private record Final(DeployOutcome outcome) implements Step {}

  private record LostRace(String status) implements Step {}

  private Step attempt(Mirror mirror, RepositoryConfig repository, DeployTarget target, Trigger trigger) {
    Repository repo = mirror.repository();
    String localDeploy = LOCAL_DEPLOY_PREFIX + target.deployBranch();
    // fetch
    Fetched fetched;
    try {
      fetched = step("fetch", () -> fetch(mirror, repository, target));
    } catch (IOException | RuntimeException e) {
      return new Final(new DeployOutcome.Transient("failed to fetch " + repository.name() + ": " + Redaction.message(e)));
    }
    if (fetched.sourceRef().isEmpty()) {
      return new Final(new DeployOutcome.Invalid(java.util.List.of("failed to decide: no source "
          + describe(target.source()) + " on " + repository.name())));
    }
    String sourceRef = fetched.sourceRef().get();
    byte[] platform;
    try {
      platform = platforms.read(target.environment());
    } catch (IOException e) {
      return new Final(new DeployOutcome.Transient("failed to read platform.yaml of " + target.environment() + ": "
          + Redaction.message(e)));
    }
    try {
      // decide
      DeployHead head = DeployHead.read(repo, mirror.resolve(localDeploy));
      ObjectId sourceHead = peel(repo, mirror.resolve(sourceRef).orElseThrow());
      ObjectId sourceCommit;
      String rolledBackFrom = null;
      if (trigger instanceof Trigger.Rollback rollback) {
        Optional<ObjectId> wanted = rollbackCommit(repo, rollback.sha(), sourceHead);
        if (wanted.isEmpty()) {
          return new Final(new DeployOutcome.Invalid(java.util.List.of("failed to decide: " + rollback.sha()
              + " is not a commit on " + sourceRef + " of " + repository.name())));
        }
        sourceCommit = render.sourceCommit(repo, wanted.get());
        rolledBackFrom = head.rollback() ? head.rolledBackFrom().orElse("") : head.sourceCommit().orElse("");
        if (head.rollback() && head.sourceCommit().equals(Optional.of(sourceCommit.name()))) {
          return new Final(new DeployOutcome.Unchanged(sourceCommit));
        }
      } else {
        if (trigger instanceof Trigger.Push push && !sourceHead.name().equals(push.after())) {
          // a burst: later pushes are already on the host, so this event renders the newest head once
          LOG.debug("{} {}: event named {}, rendering the current head {}", repository.name(), target.environment(),
              push.after(), sourceHead.name());
        }
        sourceCommit = render.sourceCommit(repo, sourceHead);
        if (head.rollback()) {
          if (!(trigger instanceof Trigger.Push)
              || head.rolledBackFrom().equals(Optional.of(sourceCommit.name()))
              || head.sourceCommit().equals(Optional.of(sourceCommit.name()))) {
            return new Final(new DeployOutcome.Pinned(head.sourceCommit().orElse(""), head.rolledBackFrom().orElse("")));
          }
        }
        if (StalenessCheck.isStale(repo, sourceCommit, head.sourceCommit())) {
          return new Final(new DeployOutcome.Stale(sourceCommit, head.sourceCommit().orElse("")));
        }
        // gate: statuses on the source head (the pushed head) must allow it; rollbacks are never gated
        Optional<DeployOutcome> held = settings.gate().hold(repository, target, sourceHead);
        if (held.isPresent()) {
          return new Final(held.get());
        }
      }
      // compile
      long renderStart = System.nanoTime();
      ObjectId compiled = sourceCommit;
      RenderStep.Render rendered = step("compile", () -> render.compile(repo, repository.name(), compiled,
          sourceRef, target.environment(), platform));
      metrics.rendered(Duration.ofNanos(System.nanoTime() - renderStart));
      if (rendered instanceof RenderStep.Invalid invalid) {
        return new Final(invalid.outcome());
      }
      RenderedTree tree = ((RenderStep.Rendered) rendered).tree();
      // scan
      Optional<DeployOutcome.PolicyViolation> violation = step("scan", () -> scan.scan(tree));
      if (violation.isPresent()) {
        return new Final(violation.get());
      }
      // commit
      boolean unpin = head.rollback() || trigger instanceof Trigger.Rollback;
      if (CommitBuilder.treeId(tree).equals(head.tree()) && !unpin) {
        return new Final(new DeployOutcome.Unchanged(sourceCommit));
      }
      String rolledBack = rolledBackFrom;
      ObjectId commit = step("commit", () -> commits.writeCommit(repo, commits.writeTree(repo, tree), head.commit(),
          new CommitBuilder.Message(target.environment(), compiled, sourceRef, digest(platform), trigger.delivery(),
              rolledBack)));
      // push
      long pushStart = System.nanoTime();
      CasPusher.Push pushed = step("push", () -> pusher.push(mirror, deployUrl(repository, target),
          credentials.forPush(repository), "refs/heads/" + target.deployBranch(), commit, head.commit()));
      metrics.pushed(Duration.ofNanos(System.nanoTime() - pushStart));
      if (pushed instanceof CasPusher.Rejected rejected) {
        return new LostRace(rejected.status() + (rejected.message().isEmpty() ? "" : " " + rejected.message()));
      }
      mirror.setLocal(localDeploy, commit);
      return new Final(new DeployOutcome.Deployed(commit, sourceCommit));
    } catch (IOException | RuntimeException e) {
      return new Final(new DeployOutcome.Transient("failed to render and push " + target.environment() + ": "
          + Redaction.message(e)));
    }
  }

  /** One named step in its own span under the deploy span; a failure records the exception type only. */
  private <T> T step(String name, IoStep<T> body) throws IOException {
    Span span = tracing.child(name);
    try (Scope ignored = span.makeCurrent()) {
      return body.run();
    } catch (IOException | RuntimeException e) {
      Tracing.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  @FunctionalInterface
  private interface IoStep<T> {
    T run() throws IOException;
  }

  /** A pull request: compile and scan for the environment, count the files it would change; never commits. */
  public DeployOutcome preview(RepositoryConfig repository, DeployTarget target, String remoteRef, int number) {
    return previewOf(repository, target, advertised -> Optional.of(remoteRef), LOCAL_PR_PREFIX + number,
        platformBytes -> platformBytes, remoteRef + " not found on " + repository.name());
  }

  /** The head a pull request's preview fetched (its local PR ref), if any preview fetched it. */
  public Optional<ObjectId> fetchedPullRequestHead(RepositoryConfig repository, int number) {
    try {
      return mirrors.mirror(repository.name(), repository.url()).resolve(LOCAL_PR_PREFIX + number);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * A platform change under review (SPEC §5, {@code floe/platform-<env>}): the environment's current source head
   * rendered against {@code platform} instead of the environment's platform.yaml, compared with its deploy branch;
   * never commits.
   */
  public DeployOutcome platformPreview(RepositoryConfig repository, DeployTarget target, byte[] platform) {
    return previewOf(repository, target, advertised -> DeployTargets.sourceRef(target, advertised),
        LOCAL_PLATFORM_PREVIEW_PREFIX + target.environment(), current -> platform,
        "no source head for " + target.environment() + " on " + repository.name());
  }

  /** Which platform.yaml bytes a preview renders with, given the environment's current ones. */
  @FunctionalInterface
  private interface PlatformChoice {
    byte[] choose(byte[] current);
  }

  private DeployOutcome previewOf(RepositoryConfig repository, DeployTarget target,
      java.util.function.Function<Map<String, ObjectId>, Optional<String>> chooseSource, String localRef,
      PlatformChoice platformChoice, String notFound) {
    return withLockedMirror(repository, target, mirror -> {
      String[] sourceRef = new String[1];
      Optional<DeployOutcome> failed = fetchForPreview(mirror, repository, target, advertised -> {
        Map<String, String> wanted = new LinkedHashMap<>();
        chooseSource.apply(advertised).ifPresent(ref -> {
          sourceRef[0] = ref;
          wanted.put(ref, localRef);
        });
        return wanted;
      });
      if (failed.isPresent()) {
        return failed.get();
      }
      Optional<ObjectId> head = sourceRef[0] == null ? Optional.empty() : mirror.resolve(localRef);
      if (head.isEmpty()) {
        return new DeployOutcome.Invalid(java.util.List.of("failed to fetch: " + notFound));
      }
      return previewAt(mirror, repository, target, head.get(), sourceRef[0],
          platformChoice.choose(platforms.read(target.environment())));
    });
  }

  /**
   * A report page recomputed from Git (docs/status.md): {@code sha} compiled for the environment as a pull request's
   * head would be, scanned, and diffed against the deploy branch; never commits. The commit is fetched through the
   * advertised refs that point at it (a pull request's head, a branch) and the environment's source ref (a pushed
   * head stays on its history); a commit on none of them is an {@code Invalid} saying so.
   */
  public DeployOutcome previewCommit(RepositoryConfig repository, DeployTarget target, String sha) {
    if (sha == null || !ObjectId.isId(sha)) {
      return new DeployOutcome.Invalid(java.util.List.of("failed to decide: '" + sha + "' is not a commit id"));
    }
    ObjectId wanted = ObjectId.fromString(sha);
    return withLockedMirror(repository, target, mirror -> {
      java.util.concurrent.atomic.AtomicReference<String> ref = new java.util.concurrent.atomic.AtomicReference<>();
      Optional<DeployOutcome> failed = fetchForPreview(mirror, repository, target, advertised -> {
        Map<String, String> refs = new LinkedHashMap<>();
        advertised.forEach((name, id) -> {
          if (id.equals(wanted) && name.startsWith("refs/")) {
            refs.put(name, LOCAL_REPORT_PREFIX + name.substring("refs/".length()));
            ref.compareAndSet(null, name);
          }
        });
        DeployTargets.sourceRef(target, advertised).ifPresent(r -> {
          refs.putIfAbsent(r, r);
          ref.compareAndSet(null, r);
        });
        return refs;
      });
      if (failed.isPresent()) {
        return failed.get();
      }
      if (!mirror.repository().getObjectDatabase().has(wanted)) {
        return new DeployOutcome.Invalid(java.util.List.of("failed to fetch: commit " + sha + " is on no ref of "
            + repository.name() + " any more"));
      }
      return previewAt(mirror, repository, target, peel(mirror.repository(), wanted),
          ref.get() == null ? "refs/heads/unknown" : ref.get(), platforms.read(target.environment()));
    });
  }

  /** A preview's work with the repository's mirror opened and locked; a failure is a {@code Transient} outcome. */
  private DeployOutcome withLockedMirror(RepositoryConfig repository, DeployTarget target,
      IoFunction<Mirror, DeployOutcome> work) {
    Mirror mirror;
    try {
      mirror = mirrors.mirror(repository.name(), repository.url());
    } catch (IOException e) {
      return new DeployOutcome.Transient("failed to open mirror: " + Redaction.message(e));
    }
    mirror.lock().lock();
    try {
      return work.apply(mirror);
    } catch (IOException | RuntimeException e) {
      return new DeployOutcome.Transient("failed to preview " + target.environment() + ": " + Redaction.message(e));
    } finally {
      mirror.lock().unlock();
    }
  }

  @FunctionalInterface
  private interface IoFunction<T, R> {
    R apply(T value) throws IOException;
  }

  /**
   * Fetches the source refs {@code sourceRefs} chooses from the advertisement (remote → local) and the environment's
   * deploy branch, over one connection when both live in the source repository; empty on success.
   */
  private Optional<DeployOutcome> fetchForPreview(Mirror mirror, RepositoryConfig repository, DeployTarget target,
      java.util.function.Function<Map<String, ObjectId>, Map<String, String>> sourceRefs) {
    String localDeploy = LOCAL_DEPLOY_PREFIX + target.deployBranch();
    try {
      boolean same = sameUrl(repository, target);
      mirror.listAndFetch(repository.url(), credentials.forFetch(repository), advertised -> {
        Map<String, String> wanted = new LinkedHashMap<>(sourceRefs.apply(advertised));
        if (same) {
          wanted.put("refs/heads/" + target.deployBranch(), localDeploy);
        }
        return wanted;
      });
      if (!same) {
        mirror.listAndFetch(deployUrl(repository, target), credentials.forPush(repository),
            advertised -> Map.of("refs/heads/" + target.deployBranch(), localDeploy));
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(new DeployOutcome.Transient("failed to fetch " + repository.name() + ": " + Redaction.message(e)));
    }
  }

  /**
   * The preview's compile (against {@code platform}), scan and diff of {@code head} (fetched, the mirror locked by the
   * caller).
   */
  private DeployOutcome previewAt(Mirror mirror, RepositoryConfig repository, DeployTarget target, ObjectId head,
      String ref, byte[] platform) throws IOException {
    Repository repo = mirror.repository();
    ObjectId sourceCommit = render.sourceCommit(repo, head);
    RenderStep.Render rendered = render.compile(repo, repository.name(), sourceCommit, ref, target.environment(), platform);
    if (rendered instanceof RenderStep.Invalid invalid) {
      return invalid.outcome();
    }
    RenderedTree tree = ((RenderStep.Rendered) rendered).tree();
    Optional<DeployOutcome.PolicyViolation> violation = scan.scan(tree);
    if (violation.isPresent()) {
      return violation.get();
    }
    ObjectId treeId = commits.writeTree(repo, tree); // written so the diff below can read both trees
    DeployHead deployed = DeployHead.read(repo, mirror.resolve(LOCAL_DEPLOY_PREFIX + target.deployBranch()));
    return new DeployOutcome.Previewed(sourceCommit, changedFiles(repo, deployed.tree(), treeId),
        TreeDiff.between(repo, deployed.tree(), treeId, MAX_PREVIEW_DIFF_CHARS));
  }

  private record Fetched(Optional<String> sourceRef) {}

  /**
   * fetch: only the environment's source ref and its deploy branch, over one connection per repository; the
   * advertisement decides the source head.
   */
  private Fetched fetch(Mirror mirror, RepositoryConfig repository, DeployTarget target) throws IOException {
    GitAccess creds = credentials.forFetch(repository);
    String deployRemote = "refs/heads/" + target.deployBranch();
    String deployLocal = LOCAL_DEPLOY_PREFIX + target.deployBranch();
    boolean same = sameUrl(repository, target);
    java.util.concurrent.atomic.AtomicReference<Optional<String>> sourceRef = new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
    mirror.listAndFetch(repository.url(), creds, advertised -> {
      sourceRef.set(DeployTargets.sourceRef(target, advertised));
      Map<String, String> wanted = new LinkedHashMap<>();
      sourceRef.get().ifPresent(r -> wanted.put(r, r));
      if (same) {
        wanted.put(deployRemote, deployLocal);
      }
      return wanted;
    });
    if (!same) {
      // the deploy repository is written with the push credential, so it is read with it too
      mirror.listAndFetch(deployUrl(repository, target), credentials.forPush(repository),
          advertised -> Map.of(deployRemote, deployLocal));
    }
    return new Fetched(sourceRef.get());
  }

  private static Optional<ObjectId> rollbackCommit(Repository repo, String sha, ObjectId sourceHead) throws IOException {
    if (sha == null || !ObjectId.isId(sha)) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit wanted = walk.parseCommit(ObjectId.fromString(sha));
      return walk.isMergedInto(wanted, walk.parseCommit(sourceHead)) ? Optional.of(wanted.copy()) : Optional.empty();
    } catch (org.eclipse.jgit.errors.MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }

  private static ObjectId peel(Repository repo, ObjectId id) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(id).copy(); // annotated tags peel to their commit
    }
  }

  static int changedFiles(Repository repo, ObjectId oldTree, ObjectId newTree) throws IOException {
    if (oldTree == null) {
      try (TreeWalk walk = new TreeWalk(repo)) {
        walk.addTree(newTree);
        walk.setRecursive(true);
        int n = 0;
        while (walk.next()) {
          n++;
        }
        return n;
      }
    }
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(oldTree);
      walk.addTree(newTree);
      walk.setRecursive(true);
      walk.setFilter(TreeFilter.ANY_DIFF);
      int n = 0;
      while (walk.next()) {
        n++;
      }
      return n;
    }
  }

  static String digest(byte[] platform) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(platform));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean sameUrl(RepositoryConfig repository, DeployTarget target) {
    return target.deployRepository() == null || target.deployRepository().equals(repository.url());
  }

  private static String deployUrl(RepositoryConfig repository, DeployTarget target) {
    return sameUrl(repository, target) ? repository.url() : target.deployRepository();
  }

  private static String describe(DeployTarget.Source source) {
    return source instanceof DeployTarget.Branch b ? "branch '" + b.name() + "'"
        : "tag matching '" + ((DeployTarget.TagPattern) source).pattern() + "'";
  }
}
