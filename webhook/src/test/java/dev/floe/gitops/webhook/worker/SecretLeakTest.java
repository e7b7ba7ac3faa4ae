package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.EnvironmentSecretSource;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.git.CGit;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventConsumerLoop;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueTestSupport;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import dev.floe.gitops.webhook.receiver.ReceiverSettings;
import dev.floe.gitops.webhook.receiver.RecentDeliveries;
import dev.floe.gitops.webhook.receiver.ServedRepositories;
import dev.floe.gitops.webhook.receiver.WebhookReceiver;
import dev.floe.gitops.webhook.service.EventMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole flow with known secrets (webhook secret, fetch token, push token): receiver → Kafka →
 * worker → deploy branch over git http-backend with Basic auth, plus a badly signed delivery. No
 * secret (nor its Basic-auth encoding) appears in the logs, the metrics scrape, the spans, the
 * queued records, or the deploy branch's commits and files.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SecretLeakTest {

  private static final String WEBHOOK_SECRET = "whsec-LEAKCANARY-7f3a9c";
  private static final String FETCH_TOKEN = "ghp_FETCHCANARY0123456789abcdef";
  private static final String PUSH_TOKEN = "ghp_PUSHCANARY0123456789abcdef0";
  private static final String SALES = "sales-analytics";

  @TempDir Path tmp;

  @Test
  void noSecretReachesLogsMetricsTracesQueueOrDeployBranch(EmbeddedKafkaBroker broker) throws Exception {
    WorkerFixture fx = WorkerFixture.overHttp(tmp);
    fx.seed(SALES);
    fx.http.requireBasicAuth(FETCH_TOKEN, PUSH_TOKEN);
    String url = fx.http.url(SALES + ".git");
    GitopsConfig config = config("""
        profile: production
        dataDir: %s
        environments:
          dev: {platform: %s}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: %s
            webhookSecret: {secret_ref: sales-webhook}
            fetchToken: {secret_ref: sales-fetch}
            pushToken: {secret_ref: sales-push}
            deploy:
              - {environment: dev, branch: main}
        """.formatted(tmp.resolve("data"), fx.platforms.resolve("dev/platform.yaml"), url));
    SecretResolver secrets = new SecretResolver(List.of(new EnvironmentSecretSource(Map.of(
        new SecretRef("sales-webhook").environmentVariable(), WEBHOOK_SECRET,
        new SecretRef("sales-fetch").environmentVariable(), FETCH_TOKEN,
        new SecretRef("sales-push").environmentVariable(), PUSH_TOKEN))));

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.DEBUG);
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    Tracing tracing = Tracing.of(sdk);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EventMetrics events = new EventMetrics(metrics);
    QueueSettings settings = QueueTestSupport.settings(broker, "leak");
    ExecutorService git = Executors.newFixedThreadPool(1);
    Vertx vertx = Vertx.vertx();
    WorkerService service = WorkerService.fromConfig(config, secrets, git, tracing, events);
    try {
      TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
      EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());
      WebhookReceiver receiver = new WebhookReceiver(vertx, new ReceiverSettings("127.0.0.1", 0, 1 << 20,
          new ServedRepositories(config), ref -> secrets.lookup(ref) instanceof SecretResolver.Resolved r
              ? Optional.of(r.value()) : Optional.empty(),
          publisher::publish, metrics, Clock.systemUTC(), RecentDeliveries.DEFAULT_CAPACITY, tracing));
      receiver.start().await(20, TimeUnit.SECONDS);
      vertx.deployVerticle(new EventConsumerLoop(settings, service.worker(), attempt -> Duration.ofMillis(5))
          .tracing(tracing).metrics(metrics, events::event)).await(20, TimeUnit.SECONDS);
      WebClient client = WebClient.create(vertx);

      byte[] body = ("{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(40) + "\",\"after\":\""
          + fx.head(SALES) + "\",\"repository\":{\"full_name\":\"acme/sales-analytics\"}}")
          .getBytes(StandardCharsets.UTF_8);
      assertThat(post(client, receiver, body, "leak-1", hmac(WEBHOOK_SECRET, body))).isEqualTo(202);
      assertThat(post(client, receiver, body, "leak-2", hmac("wrong-" + WEBHOOK_SECRET, body))).isEqualTo(401);

      await().atMost(Duration.ofSeconds(60)).until(() -> fx.deployLog(SALES, "dev").size() == 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> metrics.scrape().contains("floe_events_total{outcome=\"done\"}"));

      List<String> places = new ArrayList<>();
      for (ILoggingEvent e : logs.list) {
        places.add("log: " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
      }
      places.add("metrics: " + metrics.scrape());
      for (SpanData span : spans.getFinishedSpanItems()) {
        places.add("span: " + span.getName() + " " + span.getAttributes() + " " + span.getEvents() + " "
            + span.getStatus());
      }
      for (ConsumerRecord<String, byte[]> r : QueueTestSupport.readAll(settings.bootstrapServers(), settings.topic(), 1)) {
        places.add("record: " + r.key() + " " + new String(r.value(), StandardCharsets.UTF_8) + " " + r.headers());
      }
      CGit bare = fx.bare(SALES);
      places.add("commits: " + bare.run("log", "--format=%an %ae %cn %ce%n%B", "deploy/dev"));
      for (String file : bare.run("ls-tree", "-r", "--name-only", "deploy/dev").split("\n")) {
        places.add("file " + file + ": " + bare.run("show", "deploy/dev:" + file));
      }

      assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).contains("webhook receive", "push");
      assertThat(places).anyMatch(p -> p.startsWith("log: ")).hasSizeGreaterThan(4);
      for (String secret : List.of(WEBHOOK_SECRET, FETCH_TOKEN, PUSH_TOKEN)) {
        for (String form : forms(secret)) {
          assertThat(places).as("no trace of a secret").noneMatch(p -> p.contains(form));
        }
      }
      receiver.stop().await(20, TimeUnit.SECONDS);
      publisher.close().await(10, TimeUnit.SECONDS);
    } finally {
      root.detachAppender(logs);
      root.setLevel(level);
      vertx.close().await(20, TimeUnit.SECONDS);
      git.shutdownNow();
      service.close();
      fx.close();
      sdk.close();
    }
  }

  /** The value itself, and how HTTP Basic would carry it for the user names the worker uses. */
  private static List<String> forms(String secret) {
    List<String> forms = new ArrayList<>(List.of(secret));
    for (String user : List.of("x-access-token", "oauth2", "x-token-auth", "git")) {
      forms.add(Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
    return forms;
  }

  private static int post(WebClient client, WebhookReceiver receiver, byte[] body, String delivery, String signature)
      throws Exception {
    return client.post(receiver.actualPort(), "127.0.0.1", "/hooks/github")
        .putHeader("Content-Type", "application/json")
        .putHeader("X-GitHub-Event", "push")
        .putHeader("X-GitHub-Delivery", delivery)
        .putHeader("X-Hub-Signature-256", "sha256=" + signature)
        .sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS).statusCode();
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static GitopsConfig config(String yaml) {
    ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner()).load(ConfigSource.ofText(
        yaml, Path.of("/tmp/floe-gitops.yaml"), Map.of(), Map.of(), Path.of("/tmp")));
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new IllegalStateException(invalid.report());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }
}
