package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportRoutesTest {

  static final String SHA = GitHubStatusClientTest.SHA;
  Vertx vertx;
  HttpServer server;
  ReportStore store = new ReportStore(10);
  Instant now = Instant.parse("2026-11-29T06:00:00Z");

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    LinkSigner serverSigner = new LinkSigner(LinkSignerTest.KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(7));
    Router router = new ReportRoutes(store, serverSigner).install(Router.router(vertx));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    store.put(new ReportPage.Report("acme/sales", SHA, "dev", "failure: floe.yaml:14:7: unknown compute profile 'fast'",
        List.of("floe.yaml:14:7: unknown compute profile 'fast' <b>"), null));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
        + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
  }

  String link(Instant at) {
    return new ReportLinks(java.util.Optional.of(""), java.util.Optional.of(new LinkSigner(LinkSignerTest.KEY,
        Clock.fixed(at, ZoneOffset.UTC), Duration.ofDays(7)))).link("acme/sales", SHA, "dev").orElseThrow();
  }

  @Test
  void aValidLinkShowsTheEscapedPage() throws Exception {
    HttpResponse<String> r = get(link(now));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("'none'"));
    assertThat(r.body()).contains("floe.yaml:14:7: unknown compute profile &#39;fast&#39; &lt;b&gt;")
        .doesNotContain("<b>");
  }

  @Test
  void missingTamperedAndExpiredTokensAre403() throws Exception {
    String valid = link(now);
    assertThat(get(ReportLinks.path("acme/sales", SHA, "dev")).statusCode()).isEqualTo(403);
    assertThat(get(valid.replace("/dev?", "/prod?")).statusCode()).isEqualTo(403);
    assertThat(get(valid.substring(0, valid.length() - 2) + "AA").statusCode()).isEqualTo(403);
    assertThat(get(link(now.minus(Duration.ofDays(8)))).statusCode()).isEqualTo(403);
  }

  @Test
  void aValidLinkToAReportThisReplicaDoesNotHoldIs404() throws Exception {
    String other = new ReportLinks(java.util.Optional.of(""), java.util.Optional.of(new LinkSigner(LinkSignerTest.KEY,
        Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(7)))).link("acme/sales", SHA, "staging").orElseThrow();
    assertThat(get(other).statusCode()).isEqualTo(404);
  }
}
