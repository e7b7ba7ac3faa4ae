package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.event.EventKind;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.queue.Delivery;
import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's worker: one event, every environment the pushed ref feeds. Git and compile work runs on the given
 * executor, never on the event loop. Outcomes map to the queue as SPEC §4 says: Invalid and PolicyViolation are final
 * (Done, with the precise message, so one bad commit never blocks the repository's later events), Transient retries
 * (the loop dead-letters after its maximum attempts), everything else is Done.
 */
public final class DeployWorker implements EventProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(DeployWorker.class);
  private static final Pattern ZERO = Pattern.compile("0+");

  /**
   * What one event did, per environment; for a pull request on a platform repository, {@code platform} holds per
   * environment whose platform.yaml it changes each served repository's preview (SPEC §5).
   */
  public record EventResult(Map<String, DeployOutcome> outcomes, String ignored,
      Map<String, Map<String, DeployOutcome>> platform, Optional<String> resolvedHead) {
    public EventResult {
      outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
      platform = platform == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(platform));
      resolvedHead = resolvedHead == null ? Optional.empty() : resolvedHead;
    }

    public EventResult(Map<String, DeployOutcome> outcomes, String ignored) {
      this(outcomes, ignored, Map.of(), Optional.empty());
    }

    public EventResult(Map<String, DeployOutcome> outcomes, String ignored,
        Map<String, Map<String, DeployOutcome>> platform) {
      this(outcomes, ignored, platform, Optional.empty());
    }

    static EventResult ignored(String reason) {
      return new EventResult(Map.of(), reason);
    }
  }

  private volatile Map<String, RepositoryConfig> repositories;
  private final EnvironmentDeployer deployer;
  private final Executor executor;
  private final Optional<PlatformReview> platformReview;

  public DeployWorker(List<RepositoryConfig> repositories, EnvironmentDeployer deployer, Executor executor) {
    this(repositories, deployer, executor, Optional.empty());
  }

  DeployWorker(List<RepositoryConfig> repositories, EnvironmentDeployer deployer, Executor executor,
      Optional<PlatformReview> platformReview) {
    replaceRepositories(repositories);
    this.deployer = deployer;
    this.executor = executor;
    this.platformReview = platformReview;
  }

  /** A report's render: the served target it is for, and what the commit does to it. */
  public record CommitPreview(DeployTarget target, DeployOutcome outcome) {}

  /**
   * Renders {@code sha} of a served repository for one of its environments, as a pull request's head is previewed
   * (docs/status.md, report pages recomputed from Git); empty when the repository or environment is not served.
   * Blocking: Git and compile work on the caller's thread.
   */
  public Optional<CommitPreview> previewCommit(String repository, String environment, String sha) {
    RepositoryConfig served = repositories.get(repository);
    if (served == null) {
      return Optional.empty();
    }
    return served.deploy().stream().filter(t -> t.environment().equals(environment)).findFirst()
        .map(t -> new CommitPreview(t, deployer.previewCommit(served, t, sha)));
  }

  /** Routes events by a reloaded configuration's repositories from the next event on. */
  public void replaceRepositories(List<RepositoryConfig> repositories) {
    Map<String, RepositoryConfig> byName = new LinkedHashMap<>();
    repositories.forEach(r -> byName.put(r.name(), r));
    this.repositories = Map.copyOf(byName);
  }

  @Override
  public Future<ProcessingOutcome> process(EventRecord event, Delivery delivery) {
    // the event's span (current on the consumer's thread) follows the work onto the executor
    return Future.fromCompletionStage(CompletableFuture.supplyAsync(
        io.opentelemetry.context.Context.current().wrapSupplier(() -> toQueue(handle(event))), executor));
  }

  /** The synchronous core, for tests and the CLI: what the event did to each environment. */
  public EventResult handle(EventRecord event) {
    RepositoryConfig repository = repositories.get(event.repository());
    if (repository == null) {
      // only configured repositories are ever fetched, whatever the event's clone URL says
      return EventResult.ignored("repository '" + event.repository() + "' is not served");
    }
    return event.kind() == EventKind.PUSH ? push(repository, event) : pullRequest(repository, event);
  }

  private EventResult push(RepositoryConfig repository, EventRecord event) {
    if (ZERO.matcher(event.after()).matches()) {
      return EventResult.ignored("ref deleted");
    }
    if (DeployTargets.isDeployBranch(repository, event.ref())) {
      return EventResult.ignored("push to a deploy branch");
    }
    List<DeployTarget> targets = DeployTargets.fedBy(repository, event.ref());
    if (targets.isEmpty()) {
      return EventResult.ignored(event.ref() + " feeds no environment");
    }
    Map<String, DeployOutcome> out = new LinkedHashMap<>();
    for (DeployTarget target : targets) {
      // the deployer renders the branch's current head, not the event's `after`: a burst collapses into one render
      DeployOutcome outcome = deployer.deploy(repository, target, new Trigger.Push(event.deliveryId(), event.after()));
      LOG.info("{} {} {}: {}", repository.name(), target.environment(), event.deliveryId(), outcome.describe());
      out.put(target.environment(), outcome);
    }
    return new EventResult(out, null);
  }

  private EventResult pullRequest(RepositoryConfig repository, EventRecord event) {
    List<DeployTarget> targets = DeployTargets.forPullRequestBase(repository, event.baseRef());
    List<String> platformEnvironments = platformReview.map(r -> r.environmentsFor(repository, event.baseRef()))
        .orElse(List.of());
    if (targets.isEmpty() && platformEnvironments.isEmpty()) {
      return EventResult.ignored(event.baseRef() + " feeds no environment");
    }
    Optional<String> ref = pullRequestRef(repository.provider(), event);
    if (ref.isEmpty()) {
      return EventResult.ignored("Bitbucket Cloud publishes no ref for pull requests from forks; cannot check PR "
          + event.prNumber());
    }
    Map<String, DeployOutcome> out = new LinkedHashMap<>();
    for (DeployTarget target : targets) {
      out.put(target.environment(), deployer.preview(repository, target, ref.get(), event.prNumber()));
    }
    Map<String, Map<String, DeployOutcome>> platform = platformEnvironments.isEmpty() ? Map.of()
        : platformReview.get().review(platformEnvironments, ref.get(), event.prNumber(), repositories.values());
    // an abbreviated head (Bitbucket Cloud) becomes the full id of what was fetched, so statuses can be posted
    Optional<String> resolved = event.headShaAbbreviated()
        ? deployer.fetchedPullRequestHead(repository, event.prNumber()).map(ObjectId::name) : Optional.empty();
    return new EventResult(out, null, platform, resolved);
  }

  /** Pull-request heads, forks included, come from the configured repository's PR refs. */
  static Optional<String> pullRequestRef(GitProvider provider, EventRecord event) {
    return switch (provider) {
      case GITHUB, GITEA -> Optional.of("refs/pull/" + event.prNumber() + "/head");
      case GITLAB -> Optional.of("refs/merge-requests/" + event.prNumber() + "/head");
      case BITBUCKET -> event.headRepository() == null ? Optional.of("refs/heads/" + stripHeads(event.ref())) : Optional.empty();
    };
  }

  private static String stripHeads(String ref) {
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
  }

  /** Any transient environment retries the whole event; the others are idempotent and find their tree unchanged. */
  public static ProcessingOutcome toQueue(EventResult result) {
    if (result.ignored() != null) {
      return new ProcessingOutcome.Done("ignored: " + result.ignored());
    }
    List<String> transients = new ArrayList<>();
    List<String> all = new ArrayList<>();
    result.outcomes().forEach((env, outcome) -> {
      all.add(env + ": " + outcome.describe());
      if (outcome instanceof DeployOutcome.Transient t) {
        transients.add(env + ": " + t.cause());
      }
    });
    result.platform().forEach((env, previews) -> previews.forEach((repository, outcome) -> {
      all.add("platform " + env + " " + repository + ": " + outcome.describe());
      if (outcome instanceof DeployOutcome.Transient t) {
        transients.add("platform " + env + " " + repository + ": " + t.cause());
      }
    }));
    return transients.isEmpty() ? new ProcessingOutcome.Done(String.join("; ", all))
        : new ProcessingOutcome.Retry(String.join("; ", transients));
  }
}
