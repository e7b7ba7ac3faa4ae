package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretResolvers;
import dev.floe.gitops.webhook.service.ProcessorContext;
import dev.floe.gitops.webhook.status.LinkSigner;
import dev.floe.gitops.webhook.status.ReportLinks;
import dev.floe.gitops.webhook.status.StatusModule;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report pages recomputed from Git: a {@link StatusModule} that never saw the pull request (another replica reported
 * it, or this one restarted: its report store is empty) answers a valid signed link by having the real worker render
 * the commit, and still refuses a tampered or expired link before anything is looked up.
 */
class ReportRecomputedFromGitTest {

  private static final String SALES = "sales-analytics";
  private static final String KEY = "report-signing-key-for-tests-0123456789";
  private static final String TOKEN_IN_FLOE = "ghp_R3p0rtP4geMustNeverShowThis0123456789";

  @TempDir Path tmp;
  WorkerFixture fx;
  Vertx vertx;
  StatusModule module;
  HttpServer server;

  @BeforeEach
  void start() throws Exception {
    fx = WorkerFixture.overFile(tmp);
    fx.seed(SALES);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    if (module != null) {
      module.close();
    }
    vertx.close().await(20, TimeUnit.SECONDS);
    fx.close();
  }

  @Test
  void aFreshModuleRendersAValidLinksPageFromGitAndStillRefusesBadTokens() throws Exception {
    WorkerService service = fx.service(tmp.resolve("data"));
    service.worker().handle(fx.push(SALES, "0".repeat(40), fx.head(SALES)));
    String broken = pullRequestWithAnUnknownComputeProfile();
    serveReports(service);

    HttpResponse<String> page = get(link(broken, "dev", Instant.now()));

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("failure: ", "(recomputed from Git)")
        .containsPattern("floe\\.yaml:\\d+:\\d+: [^<]*compute")
        .doesNotContain(TOKEN_IN_FLOE);
    assertThat(module.reports().get(ReportLinks.path("acme/" + SALES, broken, "dev"))).as("cached").isPresent();
    assertThat(get(link(broken, "dev", Instant.now())).body()).isEqualTo(page.body());

    String valid = link(broken, "staging", Instant.now());
    assertThat(get(valid.replace("/staging?", "/dev?")).statusCode()).as("tampered").isEqualTo(403);
    assertThat(get(link(broken, "staging", Instant.now().minus(Duration.ofDays(8)))).statusCode()).as("expired")
        .isEqualTo(403);
    assertThat(get(ReportLinks.path("acme/" + SALES, broken, "staging")).statusCode()).as("no token").isEqualTo(403);
  }

  @Test
  void aCompilingCommitsRecomputedPageShowsTheFilesAndDiffItWouldDeploy() throws Exception {
    WorkerService service = fx.service(tmp.resolve("data"));
    service.worker().handle(fx.push(SALES, "0".repeat(40), fx.head(SALES)));
    fx.work(SALES).run("checkout", "-q", "-b", "feature");
    String pr = fx.changeFloeOn(SALES, "recomputed", "refs/pull/4/head");
    serveReports(service);

    HttpResponse<String> page = get(link(pr, "dev", Instant.now()));

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("success: compiles; ", "on deploy/dev (recomputed from Git)", "<li>changed <code>",
        "<h2>Rendered diff</h2>");
  }

  /** A pull request head (pushed to refs/pull/9/head only) that names an unknown compute profile and holds a token. */
  private String pullRequestWithAnUnknownComputeProfile() throws Exception {
    fx.work(SALES).run("checkout", "-q", "-b", "broken");
    Path floe = fx.work(SALES).dir().resolve("floe.yaml");
    String text = Files.readString(floe).replace("compute: default", "compute: fast")
        .replace("  attributes:\n", "  attributes:\n    deploy_token: \"" + TOKEN_IN_FLOE + "\"\n");
    Files.writeString(floe, text, StandardCharsets.UTF_8);
    fx.work(SALES).run("commit", "-q", "-am", "floe: a broken pull request");
    fx.work(SALES).run("push", "-q", "origin", "HEAD:refs/pull/9/head");
    return fx.work(SALES).run("rev-parse", "HEAD");
  }

  /** A new StatusModule (an empty report store), its worker the fixture's, its routes on a loopback server. */
  private void serveReports(WorkerService service) throws Exception {
    GitopsConfig config = config();
    SecretResolver secrets = SecretResolvers.fromConfig(config, Map.of("REPORT_KEY", KEY), Optional.empty());
    module = new StatusModule(config, secrets, Clock.systemUTC());
    module.around(context -> service.worker()).create(new ProcessorContext(vertx, config, secrets, null, null));
    Router router = module.routes(Router.router(vertx));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(20, TimeUnit.SECONDS);
  }

  private String link(String sha, String environment, Instant at) {
    return new ReportLinks(Optional.of(""), Optional.of(new LinkSigner(KEY.getBytes(StandardCharsets.UTF_8),
        Clock.fixed(at, ZoneOffset.UTC), Duration.ofDays(7)))).link("acme/" + SALES, sha, environment).orElseThrow();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.actualPort() + pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private GitopsConfig config() throws Exception {
    Path file = tmp.resolve("floe-gitops.yaml");
    Files.writeString(file, """
        profile: production
        dataDir: %s
        publicUrl: https://floe.example.com
        reports: {signingKey: {secret_ref: report-key}}
        environments:
          dev: {platform: %s}
          staging: {platform: %s}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: %s
            webhookSecret: {secret_ref: sales-webhook-secret}
            deploy:
              - {environment: dev, branch: main}
              - {environment: staging, branch: main}
        """.formatted(tmp.resolve("service-data"), fx.platforms.resolve("dev/platform.yaml"),
        fx.platforms.resolve("staging/platform.yaml"), fx.repository(SALES).url()));
    ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner())
        .load(Optional.of(file), Map.of(), Map.of(), tmp);
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new IllegalStateException(invalid.report());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }
}
