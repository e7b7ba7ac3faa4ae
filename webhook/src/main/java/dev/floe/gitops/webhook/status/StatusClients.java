package dev.floe.gitops.webhook.status;

import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.service.EventMetrics;
import dev.floe.gitops.webhook.worker.EnvironmentDeployer.Sleeper;
import dev.floe.gitops.webhook.worker.GitHubAppTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link StatusClient} per served repository, built on first use. The token is the worker's push credential
 * ({@code pushToken}, else {@code fetchToken}), else a GitHub App installation token: the identity that writes deploy
 * branches also reports on them, so an installation needs one token per repository, not two (docs/status.md).
 */
public final class StatusClients {

  private static final Logger LOG = LoggerFactory.getLogger(StatusClients.class);

  private final SecretResolver secrets;
  private final HttpClient http;
  private final GitHubAppTokens appTokens;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final StatusDedupe dedupe = new StatusDedupe(10_000);
  private final Map<String, StatusClient> byRepository = new ConcurrentHashMap<>();
  private final Map<String, LocalStatusLog> local = new ConcurrentHashMap<>();
  private final Tracing tracing;
  private final EventMetrics metrics;

  public StatusClients(SecretResolver secrets, HttpClient http, Clock clock, Sleeper sleeper) {
    this(secrets, http, clock, sleeper, Tracing.noop(), EventMetrics.unregistered());
  }

  /** With a span per status call and failed calls counted ({@link HttpStatusClient}). */
  public StatusClients(SecretResolver secrets, HttpClient http, Clock clock, Sleeper sleeper, Tracing tracing,
      EventMetrics metrics) {
    this.tracing = tracing;
    this.metrics = metrics;
    this.secrets = secrets;
    this.http = http;
    this.appTokens = new GitHubAppTokens(http, clock);
    this.retry = RetryPolicy.defaults(clock);
    this.sleeper = sleeper;
  }

  public StatusClient forRepository(RepositoryConfig repository) {
    return byRepository.computeIfAbsent(repository.name(), name -> new HttpStatusClient(
        new HttpStatusClient.Target(apiBase(repository), name, api(repository.provider())), http,
        () -> token(repository), retry, sleeper, dedupe, localLog(name), tracing, metrics));
  }

  /** The host's statuses on {@code sha}, for deploy gates; empty without a token or when the host cannot be asked. */
  public Optional<Map<String, String>> statuses(RepositoryConfig repository, String sha) {
    return forRepository(repository) instanceof HttpStatusClient http ? http.statuses(sha) : Optional.empty();
  }

  public LocalStatusLog localLog(String repository) {
    return local.computeIfAbsent(repository, r -> new LocalStatusLog(r, 200));
  }

  public static ProviderApi api(GitProvider provider) {
    return switch (provider) {
      case GITHUB -> new GitHubApi();
      case GITLAB -> new GitLabApi();
      case GITEA -> new GiteaApi();
      case BITBUCKET -> new BitbucketApi();
    };
  }

  /** The REST base URL of the repository's host, from its configured clone URL (never from a payload). */
  public static String apiBase(RepositoryConfig repository) {
    if (repository.provider() == GitProvider.GITHUB && repository.githubApp().isPresent()) {
      return repository.githubApp().get().apiUrl();
    }
    URI url = URI.create(repository.url());
    String origin = url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    return switch (repository.provider()) {
      case GITHUB -> "github.com".equalsIgnoreCase(url.getHost()) ? "https://api.github.com" : origin + "/api/v3";
      case GITLAB, GITEA -> origin;
      case BITBUCKET -> "bitbucket.org".equalsIgnoreCase(url.getHost()) ? "https://api.bitbucket.org" : origin;
    };
  }

  private Optional<String> token(RepositoryConfig repository) {
    var ref = repository.effectivePushToken();
    if (ref.isPresent()) {
      var resolved = secrets.lookup(ref.get());
      return resolved instanceof SecretResolver.Resolved r ? Optional.of(r.value().expose()) : Optional.empty();
    }
    if (repository.githubApp().isPresent()) {
      var app = repository.githubApp().get();
      try {
        return Optional.of(appTokens.token(app, secrets.require(app.privateKey()).expose()));
      } catch (IOException | RuntimeException e) {
        LOG.warn("no GitHub App token for statuses of {}: {}", repository.name(), e.getClass().getSimpleName());
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
