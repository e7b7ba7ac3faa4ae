package dev.floe.gitops.webhook.status;

import dev.floe.gitops.webhook.worker.DeployOutcome;
import dev.floe.gitops.webhook.worker.DeployWorker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Report pages recomputed from Git (SPEC §4: rendering is deterministic): a verified link whose page this process does
 * not hold (another replica posted it, or this one restarted) is rendered by the worker, the commit compiled for the
 * environment and diffed against its deploy branch, on Vert.x's worker pool, at most {@code maxConcurrent} at a time
 * (a further request is told to come back: rendering is the expensive part of the service). The {@link ReportStore}
 * stays the cache in front; a final verdict is cached, a transient one (the host cannot be reached) is not.
 */
public final class OnDemandReports {

  private static final Logger LOG = LoggerFactory.getLogger(OnDemandReports.class);

  /** The worker's render of one commit for one environment; empty when that is not served. Blocking. */
  @FunctionalInterface
  public interface Renderer {
    Optional<DeployWorker.CommitPreview> render(String repository, String environment, String sha);
  }

  /** What a verified report path gets. */
  public sealed interface Answer {
    /** 200. */
    record Page(ReportPage.Report report) implements Answer {}

    /** 404: not served (any more), or nothing here can render it. */
    record Missing(String why) implements Answer {}

    /** 503: come back later (renders at their bound, the host unreachable, the worker not started). */
    record Later(String why) implements Answer {}
  }

  private final ReportStore cache;
  private final Function<String, PreviewMode> previewModes;
  private final Semaphore renders;
  private final boolean rendersNothing;
  private volatile Renderer renderer;

  /** @param maxConcurrent renders at once; 0: only what the store holds (a replica without a worker, a test) */
  public OnDemandReports(ReportStore cache, Function<String, PreviewMode> previewModes, int maxConcurrent) {
    this.cache = cache;
    this.previewModes = previewModes;
    this.renders = new Semaphore(maxConcurrent);
    this.rendersNothing = maxConcurrent == 0;
  }

  public static OnDemandReports cacheOnly(ReportStore cache) {
    return new OnDemandReports(cache, env -> PreviewMode.of(Optional.empty(), env), 0);
  }

  /** The worker, once it is made ({@code StatusModule.around}); until then a page not in the store is "later". */
  public void bind(Renderer renderer) {
    this.renderer = renderer;
  }

  /** The answer for a path whose link was verified; never fails. */
  public Future<Answer> answer(Vertx vertx, String path) {
    Optional<ReportPage.Report> cached = cache.get(path);
    if (cached.isPresent()) {
      return Future.succeededFuture(new Answer.Page(cached.get()));
    }
    Optional<ReportPath> parsed = ReportPath.parse(path);
    if (parsed.isEmpty()) {
      return Future.succeededFuture(new Answer.Missing("not a report path"));
    }
    Renderer worker = renderer;
    if (rendersNothing) {
      return Future.succeededFuture(new Answer.Missing("this report is not held by this replica, which renders none"));
    }
    if (worker == null) {
      return Future.succeededFuture(new Answer.Later("the worker is not running yet"));
    }
    if (!renders.tryAcquire()) {
      return Future.succeededFuture(new Answer.Later("other reports are being rendered"));
    }
    return vertx.executeBlocking(() -> render(worker, parsed.get()), false)
        .otherwise(e -> {
          LOG.warn("report {} not rendered: {}", parsed.get().environment(), e.getClass().getSimpleName());
          return new Answer.Later("the report could not be rendered now");
        })
        .onComplete(done -> renders.release());
  }

  private Answer render(Renderer worker, ReportPath path) {
    Optional<DeployWorker.CommitPreview> preview = worker.render(path.repository(), path.environment(), path.sha());
    if (preview.isEmpty()) {
      return new Answer.Missing("this repository or environment is not served");
    }
    DeployOutcome outcome = preview.get().outcome();
    if (outcome instanceof DeployOutcome.Transient) {
      // its cause can name a host's answer; the page needs only "later"
      return new Answer.Later("the repository could not be reached; try again shortly");
    }
    ReportPage.Report report = report(path, preview.get(), previewModes.apply(path.environment()));
    cache.put(report);
    return new Answer.Page(report);
  }

  /** The page of a render, as {@link ReportingProcessor} would have stored it for a pull request (pure). */
  static ReportPage.Report report(ReportPath path, DeployWorker.CommitPreview preview, PreviewMode mode) {
    String branch = preview.target().deployBranch();
    CommitStatus status = StatusReporter.forPullRequest(path.environment(), branch, path.sha(), preview.outcome(),
        Optional.empty());
    EnvironmentPreview shown = EnvironmentPreview.of(path.environment(), branch, preview.outcome(), mode);
    return new ReportPage.Report(path.repository(), path.sha(), path.environment(),
        status.state().name().toLowerCase(Locale.ROOT) + ": " + status.description() + " (recomputed from Git)",
        List.copyOf(shown.errors()), shown);
  }
}
