package dev.floe.gitops.webhook.bench;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.Published;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import dev.floe.gitops.webhook.receiver.EventSink;
import dev.floe.gitops.webhook.receiver.ReceiverSettings;
import dev.floe.gitops.webhook.receiver.ServedRepositories;
import dev.floe.gitops.webhook.receiver.WebhookReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load driver for the webhook receiver (issue 6), run on demand, not a test: signed GitHub push
 * deliveries over loopback HTTP to a receiver publishing to an embedded broker with acks=all.
 *
 * <ol>
 *   <li>raw produce: {@code EventPublisher.publish} at the target rate, time to acknowledgement;
 *   <li>signature only: the receiver with a sink that acknowledges at once (HTTP, body cap, name
 *       read, HMAC, parse, record), time to 202;
 *   <li>full path: the receiver publishing to Kafka, open loop at the target rate, time to 202;
 *   <li>max throughput: the full path with a fixed number of deliveries in flight.
 * </ol>
 *
 * Open loop: latency counts from the moment a delivery was due, not from when it was sent, so a
 * stall shows up in the percentiles (no coordinated omission). Driver, receiver and broker share
 * one JVM and the machine's cores. Arguments: {@code [rate/s] [seconds] [maxSeconds] [inFlight]},
 * default {@code 500 20 15 64}. See bench/README.md.
 */
public final class ReceiverLoadDriver {

  private static final String SECRET = "load-driver-secret";
  private static final int BODIES = 1_024;

  private final Vertx vertx = Vertx.vertx();
  private final byte[][] bodies = new byte[BODIES][];
  private final String[] signatures = new String[BODIES];
  private final AtomicLong deliveries = new AtomicLong();

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int maxSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 64;
    new ReceiverLoadDriver().run(rate, seconds, maxSeconds, inFlight);
    System.exit(0);
  }

  private void run(int rate, int seconds, int maxSeconds, int inFlight) throws Exception {
    prepareBodies();
    Path dir = Files.createTempDirectory("floe-receiver-load");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
      QueueSettings settings = QueueSettings.embedded("load-driver")
          .withBootstrapServers(broker.bootstrapServers());
      await(TopicsInitializer.ensureTopics(vertx, settings));
      EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());
      System.out.printf("Webhook receiver load: rate %d/s for %d s, max-throughput %d s with %d in flight;"
          + " %d cores, %s%n", rate, seconds, maxSeconds, inFlight,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

      // Warm-up: JIT, connections, the producer's metadata.
      WebhookReceiver warm = receiver(publisher::publish);
      openLoop("warm-up", warm.actualPort(), rate, 5);
      await(warm.stop());

      Histogram produce = openLoopProduce(publisher, rate, seconds);
      report("raw produce (acks=all)", produce, rate, seconds);

      WebhookReceiver signatureOnly = receiver(record ->
          Future.succeededFuture(new Published("none", 0, 0)));
      report("signature only (no Kafka)", openLoop("signature", signatureOnly.actualPort(), rate, seconds),
          rate, seconds);
      await(signatureOnly.stop());

      WebhookReceiver full = receiver(publisher::publish);
      report("receiver → Kafka, time to 202", openLoop("full", full.actualPort(), rate, seconds),
          rate, seconds);
      maxThroughput(full.actualPort(), maxSeconds, inFlight);
      await(full.stop());
      await(publisher.close());
    }
    await(vertx.close());
  }

  private WebhookReceiver receiver(EventSink sink) {
    ReceiverSettings settings = new ReceiverSettings("127.0.0.1", 0, 25L << 20,
        new ServedRepositories(config()), ref -> Optional.of(SecretValue.of(SECRET)), sink,
        new SimpleMeterRegistry(), Clock.systemUTC(), 10_000);
    WebhookReceiver receiver = new WebhookReceiver(vertx, settings);
    await(receiver.start());
    return receiver;
  }

  private static GitopsConfig config() {
    String yaml = """
        profile: production
        environments: {dev: {platform: platform/dev/platform.yaml}}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: https://github.com/acme/sales-analytics.git
            webhookSecret: {secret_ref: sales-webhook-secret}
            deploy: [{environment: dev, branch: main}]
        """;
    ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner()).load(ConfigSource.ofText(
        yaml, Path.of("/tmp/floe-gitops.yaml"), Map.of(), Map.of(), Path.of("/tmp")));
    return ((ConfigLoadResult.Loaded) result).config();
  }

  /** Push payloads of a realistic size (~3 KB: one commit listed), each signed once up front. */
  private void prepareBodies() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String padding = "x".repeat(2_000);
    for (int i = 0; i < BODIES; i++) {
      String json = "{\"ref\":\"refs/heads/main\",\"before\":\"" + String.format("%040x", i)
          + "\",\"after\":\"" + String.format("%040x", i + 1) + "\",\"repository\":{\"id\":1,"
          + "\"name\":\"sales-analytics\",\"full_name\":\"acme/sales-analytics\"},\"commits\":[{\"id\":\""
          + String.format("%040x", i + 1) + "\",\"message\":\"" + padding + "\"}]}";
      bodies[i] = json.getBytes(StandardCharsets.UTF_8);
      signatures[i] = "sha256=" + HexFormat.of().formatHex(mac.doFinal(bodies[i]));
    }
  }

  private HttpClient client(int connections) {
    return vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(connections));
  }

  private Future<Integer> send(HttpClient client, int port) {
    long n = deliveries.incrementAndGet();
    int i = (int) (n % BODIES);
    return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
            .setPort(port).setURI("/hooks/github")
            .putHeader("Content-Type", "application/json")
            .putHeader("X-GitHub-Event", "push")
            .putHeader("X-GitHub-Delivery", "load-" + n)
            .putHeader("X-Hub-Signature-256", signatures[i]))
        .compose(request -> request.send(Buffer.buffer(bodies[i])))
        .compose(response -> response.body().map(b -> response.statusCode()));
  }

  /** Sends at {@code rate}/s for {@code seconds}; latency from each delivery's due time to its answer. */
  private Histogram openLoop(String name, int port, int rate, int seconds) throws InterruptedException {
    HttpClient client = client(256);
    Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    int total = rate * seconds;
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    schedule(rate, total, due -> send(client, port).onComplete(ar -> {
      if (ar.failed() || ar.result() != 202) {
        failures.incrementAndGet();
      }
      histogram.recordValue(Math.max(0, System.nanoTime() - due));
      done.countDown();
    }));
    done.await(seconds + 120L, TimeUnit.SECONDS);
    client.close();
    if (failures.get() > 0) {
      System.out.printf("  %s: %d of %d deliveries not answered 202%n", name, failures.get(), total);
    }
    return histogram;
  }

  private Histogram openLoopProduce(EventPublisher publisher, int rate, int seconds)
      throws InterruptedException {
    Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    int total = rate * seconds;
    CountDownLatch done = new CountDownLatch(total);
    schedule(rate, total, due -> publisher.publish(EventRecord.push(Provider.GITHUB,
            "produce-" + deliveries.incrementAndGet(), "acme/sales-analytics",
            "https://github.com/acme/sales-analytics.git", "refs/heads/main", "0".repeat(40),
            String.format("%040x", 1), Instant.now(), null))
        .onComplete(ar -> {
          histogram.recordValue(Math.max(0, System.nanoTime() - due));
          done.countDown();
        }));
    done.await(seconds + 120L, TimeUnit.SECONDS);
    return histogram;
  }

  /** Calls {@code action} with each event's due time, {@code rate} per second, on a 1 ms timer. */
  private void schedule(int rate, int total, java.util.function.LongConsumer action) {
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    int[] sent = {0};
    vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      while (sent[0] < total && start + sent[0] * interval <= now) {
        action.accept(start + sent[0] * interval);
        sent[0]++;
      }
      if (sent[0] >= total) {
        vertx.cancelTimer(id);
      }
    });
  }

  /** Closed loop: keep {@code inFlight} deliveries outstanding; report what the receiver sustains. */
  private void maxThroughput(int port, int seconds, int inFlight) throws InterruptedException {
    HttpClient client = client(inFlight);
    Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(inFlight);
    for (int i = 0; i < inFlight; i++) {
      vertx.runOnContext(v -> loop(client, port, end, histogram, ok, failed, finished::countDown));
    }
    long start = System.nanoTime();
    finished.await(seconds + 120L, TimeUnit.SECONDS);
    double took = (System.nanoTime() - start) / 1e9;
    client.close();
    System.out.printf("%-34s %8.0f deliveries/s (202s) over %.1f s, %d in flight, %d failed;"
        + " p50 %.2f ms, p99 %.2f ms%n", "max throughput, receiver → Kafka", ok.get() / took, took,
        inFlight, failed.get(), ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(99)));
  }

  private void loop(HttpClient client, int port, long end, Histogram histogram, AtomicLong ok,
      AtomicLong failed, Runnable finished) {
    if (System.nanoTime() >= end) {
      finished.run();
      return;
    }
    long start = System.nanoTime();
    send(client, port).onComplete(ar -> {
      histogram.recordValue(System.nanoTime() - start);
      if (ar.succeeded() && ar.result() == 202) {
        ok.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
      loop(client, port, end, histogram, ok, failed, finished);
    });
  }

  private static void report(String name, Histogram h, int rate, int seconds) {
    System.out.printf("%-34s %d at %d/s for %d s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
        + " max %.2f ms%n", name, h.getTotalCount(), rate, seconds, ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
