package dev.floe.gitops.webhook.status;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.event.EventKind;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.queue.Delivery;
import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import dev.floe.gitops.webhook.worker.DeployOutcome;
import dev.floe.gitops.webhook.worker.DeployTargets;
import dev.floe.gitops.webhook.worker.DeployWorker;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker with statuses around it: {@code pending} when work starts, the outcome's status after, and for pull
 * requests the one comment. Posting runs on its own executor, so a slow or failing host never delays the deploy; the
 * queue's outcome waits for the final statuses at most {@code flushBound}, so a crash right after a deploy redelivers
 * the event and the second pass (an unchanged tree) finishes the status: a check is never left pending for good.
 */
public final class ReportingProcessor implements EventProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ReportingProcessor.class);

  private final Map<String, RepositoryConfig> repositories;
  private final Function<EventRecord, DeployWorker.EventResult> worker;
  private final Function<RepositoryConfig, StatusClient> clients;
  private final Function<String, PreviewMode> previewModes;
  private final ReportLinks links;
  private final ReportStore reports;
  private final Executor gitExecutor;
  private final Executor statusExecutor;
  private final Duration flushBound;
  /**
   * Per event the queue will retry, the environments whose statuses are still open (transient): if the event ends on
   * the dead-letter topic these are finished as failed, and the environments already final keep their verdict. Bounded,
   * as a revoked partition can leave an entry behind; a missing entry finishes every environment of the event.
   */
  private final Map<String, List<String>> openOnRetry = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
          return size() > 1_000;
        }
      });

  /** The wiring, as one record rather than a wide constructor. */
  public record Wiring(List<RepositoryConfig> repositories, Function<EventRecord, DeployWorker.EventResult> worker,
      Function<RepositoryConfig, StatusClient> clients, Function<String, PreviewMode> previewModes, ReportLinks links,
      ReportStore reports, Executor gitExecutor, Executor statusExecutor, Duration flushBound) {}

  public ReportingProcessor(Wiring w) {
    Map<String, RepositoryConfig> byName = new LinkedHashMap<>();
    w.repositories().forEach(r -> byName.put(r.name(), r));
    this.repositories = Map.copyOf(byName);
    this.worker = w.worker();
    this.clients = w.clients();
    this.previewModes = w.previewModes();
    this.links = w.links();
    this.reports = w.reports();
    this.gitExecutor = w.gitExecutor();
    this.statusExecutor = w.statusExecutor();
    this.flushBound = w.flushBound();
  }

  @Override
  public Future<ProcessingOutcome> process(EventRecord event, Delivery delivery) {
    RepositoryConfig repository = repositories.get(event.repository());
    List<DeployTarget> targets = repository == null ? List.of() : targets(repository, event);
    String sha = event.kind() == EventKind.PUSH ? event.after() : event.headSha();
    // an abbreviated head (Bitbucket Cloud) cannot carry a status: it is posted once the worker resolved it
    if (!targets.isEmpty() && !event.headShaAbbreviated()) {
      StatusClient client = clients.apply(repository);
      statusExecutor.execute(() -> targets.forEach(t -> client.post(StatusReporter.pending(context(event, t), sha,
          links.link(repository.name(), sha, t.environment())))));
    }
    CompletableFuture<ProcessingOutcome> done = CompletableFuture.supplyAsync(() -> worker.apply(event), gitExecutor)
        .thenCompose(result -> report(repository, targets, event, result.resolvedHead().orElse(sha), result)
            .completeOnTimeout(null, flushBound.toMillis(), TimeUnit.MILLISECONDS)
            .thenApply(ignored -> remember(event, result, DeployWorker.toQueue(result))));
    return Future.fromCompletionStage(done);
  }

  /**
   * The queue gave up: every environment of the event still open gets a final {@code failure} saying it was
   * dead-lettered and how an operator brings it back; its report page says the same. Waits for the posts at most
   * {@code flushBound}, like the outcome's statuses.
   */
  @Override
  public Future<Void> deadLettered(EventRecord event, String reason) {
    List<String> open = openOnRetry.remove(key(event));
    RepositoryConfig repository = repositories.get(event.repository());
    List<DeployTarget> targets = repository == null ? List.of() : targets(repository, event).stream()
        .filter(t -> open == null || open.contains(t.environment())).toList();
    if (targets.isEmpty()) {
      return Future.succeededFuture();
    }
    String sha = event.kind() == EventKind.PUSH ? event.after() : event.headSha();
    CompletableFuture<Void> posted = CompletableFuture.runAsync(() -> {
      StatusClient client = clients.apply(repository);
      for (DeployTarget t : targets) {
        Optional<String> link = links.link(repository.name(), sha, t.environment());
        CommitStatus status = StatusReporter.deadLettered(context(event, t), sha, reason, link);
        reports.put(new ReportPage.Report(repository.name(), sha, t.environment(), "failure: " + status.description(),
            List.of(reason), EnvironmentPreview.countOnly(t.environment(), t.deployBranch(), List.of(reason), 0,
                previewModes.apply(t.environment()))));
        LOG.debug("{} {}: {}", repository.name(), status.context(), client.post(status));
      }
    }, statusExecutor).exceptionally(e -> {
      LOG.warn("dead-letter statuses for {} {} not reported: {}", repository.name(), sha, e.getClass().getSimpleName());
      return null;
    });
    return Future.fromCompletionStage(posted.completeOnTimeout(null, flushBound.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Keeps the environments a retry leaves open (see {@link #openOnRetry}); a final outcome forgets the event. */
  private ProcessingOutcome remember(EventRecord event, DeployWorker.EventResult result, ProcessingOutcome outcome) {
    if (outcome instanceof ProcessingOutcome.Retry) {
      List<String> open = new ArrayList<>();
      result.outcomes().forEach((env, o) -> {
        if (o instanceof DeployOutcome.Transient) {
          open.add(env);
        }
      });
      openOnRetry.put(key(event), List.copyOf(open));
    } else {
      openOnRetry.remove(key(event));
    }
    return outcome;
  }

  private static String key(EventRecord event) {
    return event.provider().wireName() + '\u0000' + event.deliveryId();
  }

  private static List<DeployTarget> targets(RepositoryConfig repository, EventRecord event) {
    if (event.kind() == EventKind.PUSH) {
      return DeployTargets.isDeployBranch(repository, event.ref()) ? List.of()
          : DeployTargets.fedBy(repository, event.ref());
    }
    return DeployTargets.forPullRequestBase(repository, event.baseRef());
  }

  private static String context(EventRecord event, DeployTarget t) {
    return event.kind() == EventKind.PUSH ? StatusReporter.deployContext(t.environment())
        : StatusReporter.prContext(t.environment());
  }

  private CompletableFuture<Void> report(RepositoryConfig repository, List<DeployTarget> targets, EventRecord event,
      String sha, DeployWorker.EventResult result) {
    if (repository == null || targets.isEmpty() && result.platform().isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> {
      StatusClient client = clients.apply(repository);
      boolean pr = event.kind() != EventKind.PUSH;
      List<EnvironmentPreview> previews = new ArrayList<>();
      for (DeployTarget t : targets) {
        Optional<String> link = links.link(repository.name(), sha, t.environment());
        DeployOutcome outcome = result.outcomes().get(t.environment());
        CommitStatus status;
        if (outcome == null) {
          // the worker ignored the event (a Bitbucket fork, …): say why instead of leaving the check pending
          status = pr && repository.provider() == GitProvider.BITBUCKET && event.headRepository() != null
              ? StatusReporter.forkUnsupported(t.environment(), sha, link)
              : new CommitStatus(sha, context(event, t), StatusState.FAILURE,
                  "not checked: " + String.valueOf(result.ignored()), link);
        } else {
          status = pr ? StatusReporter.forPullRequest(t.environment(), t.deployBranch(), sha, outcome, link)
              : StatusReporter.forDeploy(t.environment(), t.deployBranch(), sha, outcome, link);
        }
        EnvironmentPreview preview = preview(t, outcome);
        previews.add(preview);
        reports.put(new ReportPage.Report(repository.name(), sha, t.environment(),
            status.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + status.description(),
            preview.errors(), preview));
        PostResult posted = client.post(status);
        LOG.debug("{} {}: {}", repository.name(), status.context(), posted);
      }
      previews.addAll(reportPlatform(client, sha, result.platform()));
      if (pr && event.prNumber() != null && !previews.isEmpty()) {
        client.upsertComment(event.prNumber(), CommentRenderer.render(previews, commentLimit(repository)));
      }
    }, statusExecutor).exceptionally(e -> {
      LOG.warn("statuses for {} {} not reported: {}", repository.name(), sha, e.getClass().getSimpleName());
      return null;
    });
  }

  /**
   * SPEC §5, platform repositories: {@code floe/platform-<env>} per environment the pull request's platform.yaml
   * changes, summarising every served repository; the comment gets a row per environment and repository.
   */
  private List<EnvironmentPreview> reportPlatform(StatusClient client, String sha,
      Map<String, Map<String, DeployOutcome>> platform) {
    List<EnvironmentPreview> rows = new ArrayList<>();
    platform.forEach((environment, perRepository) -> {
      CommitStatus status = PlatformSummary.summarise(environment, sha, perRepository, Optional.empty());
      LOG.debug("{}: {}", status.context(), client.post(status));
      perRepository.forEach((name, outcome) -> rows.add(EnvironmentPreview.of(environment + " · " + name,
          deployBranchOf(name, environment), outcome, previewModes.apply(environment))));
    });
    return rows;
  }

  private String deployBranchOf(String repository, String environment) {
    return Optional.ofNullable(repositories.get(repository)).stream().flatMap(r -> r.deploy().stream())
        .filter(t -> t.environment().equals(environment)).map(DeployTarget::deployBranch).findFirst()
        .orElse("deploy/" + environment);
  }

  private EnvironmentPreview preview(DeployTarget t, DeployOutcome outcome) {
    return EnvironmentPreview.of(t.environment(), t.deployBranch(), outcome, previewModes.apply(t.environment()));
  }

  private static int commentLimit(RepositoryConfig repository) {
    return StatusClients.api(repository.provider()).commentLimit();
  }
}
