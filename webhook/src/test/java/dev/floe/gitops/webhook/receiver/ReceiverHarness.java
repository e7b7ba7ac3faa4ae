package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.runtime.tracing.Tracing;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver on loopback with the test configuration below, secrets from a map, and a sink that
 * tests can swap (a real publisher, one pointed at nothing). Real HTTP through a WebClient.
 */
final class ReceiverHarness implements AutoCloseable {

  static final String SALES_SECRET = "s3cr3t-sales-webhook";
  static final String ORG_SECRET = "acme-org-webhook-secret";
  static final String ORDERS_TOKEN = "gitlab-orders-token";
  static final String INVENTORY_SECRET = "gitea-inventory-secret";
  static final String BILLING_SECRET = "bitbucket-billing-secret";

  /** The served repositories: one per provider, one covered only by its organisation's secret. */
  static final String CONFIG = """
      profile: production
      environments:
        dev: {platform: platform/dev/platform.yaml}
      repositories:
        - name: acme/sales-analytics
          provider: github
          url: https://github.com/acme/sales-analytics.git
          webhookSecret: {secret_ref: sales-webhook-secret}
          deploy:
            - {environment: dev, branch: main}
        - name: acme/marketing
          provider: github
          url: https://github.com/acme/marketing.git
          deploy:
            - {environment: dev, branch: main}
        - name: acme/data/orders
          provider: gitlab
          url: https://gitlab.example.com/acme/data/orders.git
          webhookSecret: {secret_ref: orders-token}
          deploy:
            - {environment: dev, branch: main}
        - name: acme/inventory
          provider: gitea
          url: https://gitea.example.com/acme/inventory.git
          webhookSecret: {secret_ref: inventory-secret}
          deploy:
            - {environment: dev, branch: main}
        - name: acme/billing
          provider: bitbucket
          url: https://bitbucket.org/acme/billing.git
          webhookSecret: {secret_ref: billing-secret}
          deploy:
            - {environment: dev, branch: main}
      organizations:
        - {name: acme, provider: github, webhookSecret: {secret_ref: acme-org-webhook}}
      """;

  static final Map<String, String> SECRETS = Map.of(
      "sales-webhook-secret", SALES_SECRET,
      "acme-org-webhook", ORG_SECRET,
      "orders-token", ORDERS_TOKEN,
      "inventory-secret", INVENTORY_SECRET,
      "billing-secret", BILLING_SECRET);

  final Vertx vertx;
  final WebClient client;
  final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final AtomicReference<EventSink> sink = new AtomicReference<>();
  final WebhookReceiver receiver;

  ReceiverHarness(EventSink initial) {
    this(config(CONFIG), initial, 25L << 20);
  }

  ReceiverHarness(GitopsConfig config, EventSink initial, long maxBodyBytes) {
    this(config, initial, maxBodyBytes, Tracing.noop());
  }

  ReceiverHarness(GitopsConfig config, EventSink initial, long maxBodyBytes, Tracing tracing) {
    this.vertx = Vertx.vertx();
    this.client = WebClient.create(vertx);
    sink.set(initial);
    ReceiverSettings settings = new ReceiverSettings("127.0.0.1", 0, maxBodyBytes,
        new ServedRepositories(config), ReceiverHarness::secret, r -> sink.get().publish(r),
        metrics, Clock.systemUTC(), 1_000, tracing);
    this.receiver = new WebhookReceiver(vertx, settings);
    await(receiver.start());
  }

  static GitopsConfig config(String yaml) {
    ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner()).load(ConfigSource.ofText(
        yaml, Path.of("/tmp/floe-gitops.yaml"), Map.of(), Map.of(), Path.of("/tmp")));
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new IllegalStateException(invalid.report());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }

  static Optional<SecretValue> secret(SecretRef ref) {
    return Optional.ofNullable(SECRETS.get(ref.name())).map(SecretValue::of);
  }

  int port() {
    return receiver.actualPort();
  }

  static byte[] payload(String path) {
    try (InputStream in = ReceiverHarness.class.getResourceAsStream("/payloads/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no payload " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hmacHex(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request under construction: headers in order, then {@link #send}. */
  Post post(String provider) {
    return new Post(provider);
  }

  final class Post {
    private final String provider;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Post(String provider) {
      this.provider = provider;
      headers.put("Content-Type", "application/json");
    }

    Post header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Post without(String name) {
      headers.remove(name);
      return this;
    }

    Answer send(byte[] body) {
      var request = client.post(port(), "127.0.0.1", "/hooks/" + provider)
          .timeout(Duration.ofSeconds(20).toMillis());
      headers.forEach(request::putHeader);
      HttpResponse<Buffer> response = await(request.sendBuffer(Buffer.buffer(body)));
      return new Answer(response.statusCode(), response.bodyAsString());
    }
  }

  /** The status and body of an answer. */
  record Answer(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    String errorCode() {
      return json().getJsonObject("error").getString("code");
    }

    String errorMessage() {
      return json().getJsonObject("error").getString("message");
    }
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  double counter(String name, String... tags) {
    var search = metrics.find(name).tags(tags);
    return search.counter() == null ? 0 : search.counter().count();
  }

  @Override
  public void close() {
    await(receiver.stop());
    client.close();
    await(vertx.close());
  }
}
