package dev.floe.gitops.webhook.status;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.service.EventMetrics;
import dev.floe.gitops.webhook.worker.EnvironmentDeployer.Sleeper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client behind every provider: a {@link ProviderApi} says what a call is, this sends it with retries
 * (429 and 5xx, honouring the host's wait headers), deduplicates statuses per process, and finds the pull request's
 * comment again by its marker. The token is asked for at each call (rotation needs no restart); without one, the call
 * goes to {@code local} instead. Nothing here logs a header or a token.
 */
public final class HttpStatusClient implements StatusClient {

  private static final Logger LOG = LoggerFactory.getLogger(HttpStatusClient.class);
  private static final int MAX_COMMENT_PAGES = 20;

  /** Where and how to reach one repository's host. */
  public record Target(String baseUrl, String repository, ProviderApi api) {
    public Target {
      baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
  }

  /** A call's end: the 2xx answer, or why there is none. */
  private record Response(String body, PostResult.Failed failure) {
    boolean ok() {
      return failure == null;
    }
  }

  private final Target target;
  private final HttpClient http;
  private final Supplier<Optional<String>> token;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final StatusDedupe dedupe;
  private final StatusClient local;
  private final Tracing tracing;
  private final EventMetrics metrics;

  public HttpStatusClient(Target target, HttpClient http, Supplier<Optional<String>> token, RetryPolicy retry,
      Sleeper sleeper, StatusDedupe dedupe, StatusClient local) {
    this(target, http, token, retry, sleeper, dedupe, local, Tracing.noop(), EventMetrics.unregistered());
  }

  /**
   * With a span per HTTP call ({@code status <operation>}, under the current span, attributes provider and repository
   * only) and {@link EventMetrics#statusCallFailed} counted for each call that ends without a 2xx answer.
   */
  public HttpStatusClient(Target target, HttpClient http, Supplier<Optional<String>> token, RetryPolicy retry,
      Sleeper sleeper, StatusDedupe dedupe, StatusClient local, Tracing tracing, EventMetrics metrics) {
    this.tracing = tracing;
    this.metrics = metrics;
    this.target = target;
    this.http = http;
    this.token = token;
    this.retry = retry;
    this.sleeper = sleeper;
    this.dedupe = dedupe;
    this.local = local;
  }

  @Override
  public PostResult post(CommitStatus status) {
    Optional<String> t = token.get();
    if (t.isEmpty()) {
      return local.post(status);
    }
    String key = status.dedupeKey(target.repository());
    if (!dedupe.firstTime(key)) {
      return new PostResult.Duplicate();
    }
    Response sent = send("post", target.api().status(target.repository(), status, t.get()));
    PostResult result = sent.ok() ? new PostResult.Posted("") : sent.failure();
    if (result instanceof PostResult.Failed failed) {
      dedupe.forget(key);
      LOG.warn("status {} {} on {} of {} not posted: {}", status.context(), status.state(), status.sha(),
          target.repository(), failed.reason());
    }
    return result;
  }

  @Override
  public PostResult upsertComment(int pullRequest, String body) {
    Optional<String> t = token.get();
    if (t.isEmpty()) {
      return local.upsertComment(pullRequest, body);
    }
    ProviderApi api = target.api();
    Optional<String> existing = Optional.empty();
    for (int page = 1; page <= MAX_COMMENT_PAGES && existing.isEmpty(); page++) {
      Response listed = send("list comments", api.listComments(target.repository(), pullRequest, page, t.get()));
      if (!listed.ok()) {
        return failedComment(pullRequest, listed.failure());
      }
      ProviderApi.CommentPage comments = api.parseComments(listed.body());
      existing = comments.comments().stream().filter(c -> c.body().contains(CommentRenderer.MARKER))
          .map(RemoteComment::id).findFirst();
      if (!comments.more()) {
        break;
      }
    }
    ApiRequest request = existing.isPresent()
        ? api.updateComment(target.repository(), pullRequest, existing.get(), body, t.get())
        : api.createComment(target.repository(), pullRequest, body, t.get());
    Response sent = send(existing.isPresent() ? "update comment" : "create comment", request);
    if (!sent.ok()) {
      return failedComment(pullRequest, sent.failure());
    }
    return new PostResult.Posted(existing.orElseGet(() -> idOf(sent.body())));
  }

  /**
   * The host's statuses on {@code sha} (context → success | failure | pending), for deploy gates; empty when there is
   * no token or the host could not be asked, which a gate treats as still waiting.
   */
  public Optional<java.util.Map<String, String>> statuses(String sha) {
    Optional<String> t = token.get();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Response r = send("list statuses", target.api().listStatuses(target.repository(), sha, t.get()));
    if (!r.ok()) {
      LOG.warn("statuses of {} on {} not read: {}", sha, target.repository(), r.failure().reason());
      return Optional.empty();
    }
    return Optional.of(target.api().parseStatuses(r.body()));
  }

  private PostResult failedComment(int pullRequest, PostResult.Failed failed) {
    LOG.warn("comment on pull request {} of {} not posted: {}", pullRequest, target.repository(), failed.reason());
    return failed;
  }

  private static String idOf(String json) {
    try {
      return Json.read(json).path("id").asString("");
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  /** The provider's name for meters and spans: the API's kind, never a URL. */
  static String providerName(ProviderApi api) {
    if (api instanceof GitHubApi) {
      return "github";
    } else if (api instanceof GitLabApi) {
      return "gitlab";
    } else if (api instanceof GiteaApi) {
      return "gitea";
    }
    return "bitbucket";
  }

  /** One call in its own span; a call that ends without a 2xx answer is counted as a failed status call. */
  private Response send(String operation, ApiRequest request) {
    String provider = providerName(target.api());
    Span span = tracing.child("status " + operation, SpanKind.CLIENT);
    Tracing.set(span, Tracing.Attr.PROVIDER, provider);
    Tracing.set(span, Tracing.Attr.REPOSITORY, target.repository());
    try (Scope ignored = span.makeCurrent()) {
      Response response = sendWithRetries(request);
      if (!response.ok()) {
        metrics.statusCallFailed(provider);
        Tracing.set(span, Tracing.Attr.OUTCOME, response.failure().httpStatus() == 0 ? "unreachable"
            : "http-" + response.failure().httpStatus());
        span.setStatus(StatusCode.ERROR);
      } else {
        Tracing.set(span, Tracing.Attr.OUTCOME, "ok");
      }
      return response;
    } catch (RuntimeException | Error e) {
      metrics.statusCallFailed(provider);
      Tracing.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  private Response sendWithRetries(ApiRequest request) {
    PostResult.Failed last = new PostResult.Failed(0, request + ": not sent");
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.baseUrl() + request.path()))
          .timeout(Duration.ofSeconds(30));
      request.headers().forEach(b::header);
      b.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(request.body()));
      HttpResponse<String> response;
      try {
        response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        // a connection failure is retried like a 502: the host may be restarting
        last = new PostResult.Failed(0, request + ": " + e.getClass().getSimpleName()
            + (attempt > 1 ? " after " + attempt + " attempts" : ""));
        if (!pause(retry.nextDelay(attempt, 502, h -> Optional.empty()))) {
          return new Response(null, last);
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Response(null, new PostResult.Failed(0, request + ": interrupted"));
      }
      int code = response.statusCode();
      if (code >= 200 && code < 300) {
        return new Response(response.body(), null);
      }
      last = new PostResult.Failed(code, request + ": HTTP " + code
          + (attempt > 1 ? " after " + attempt + " attempts" : ""));
      if (!pause(retry.nextDelay(attempt, code, name -> response.headers().firstValue(name)))) {
        return new Response(null, last);
      }
    }
  }

  private boolean pause(Optional<Duration> delay) {
    if (delay.isEmpty()) {
      return false;
    }
    try {
      sleeper.sleep(delay.get());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
