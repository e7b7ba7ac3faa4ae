package dev.floe.gitops.bench;

import dev.floe.gitops.admission.AdmissionMetrics;
import dev.floe.gitops.admission.AdmissionRoutes;
import dev.floe.gitops.admission.AdmissionServer;
import dev.floe.gitops.admission.tls.SelfSignedCertificates;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load driver for the admission webhook (issue 5), run on demand (bench/README.md), never in tests.
 *
 * <p>Open loop, coordinated-omission aware: request i is due at {@code start + i / rate}; its latency is
 * measured from when it was due, not from when it was sent, so a stalled server is charged for the
 * requests it delayed. The same run measures a no-op handler (parse the review, allow it) on the same
 * server and TLS stack, and reports our p99 as a ratio to it. Then a closed loop with many requests in
 * flight measures the maximum throughput (ours, then the no-op). Server and client share this JVM (and the machine's cores).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.floe.gitops.bench.AdmissionLoadDriver [rate] [seconds] [maxSeconds]</pre>
 */
public final class AdmissionLoadDriver {

  record Result(String name, Histogram latency, long sent, long errors, double seconds) {}

  private final Vertx clientVertx;
  private final byte[] body;

  AdmissionLoadDriver(Vertx clientVertx, byte[] body) {
    this.clientVertx = clientVertx;
    this.body = body;
  }

  public static void main(String[] args) throws Exception {
    int exit = 1;
    try {
      run(args);
      exit = 0;
    } finally {
      System.exit(exit); // Vert.x threads are not daemons: a failed start must not leave the JVM hanging
    }
  }

  private static void run(String[] args) throws Exception {
    System.setProperty("floe.log.level", System.getProperty("floe.log.level", "WARN"));
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int maxSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    byte[] body = review(Manifests.TYPICAL_DEPLOYMENT_JSON).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Path dataDir = Files.createTempDirectory("floe-admission-bench");
    SelfSignedCertificates.Generated tls = SelfSignedCertificates.ensure(dataDir, Clock.systemUTC().instant());
    Vertx serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    AdmissionMetrics metrics = new AdmissionMetrics(new SimpleMeterRegistry());
    Router real = AdmissionRoutes.router(serverVertx, AdmissionConfig.defaults(), PolicyEngine.defaults(), metrics);
    AdmissionServer ours = start(serverVertx, real, tls, metrics);
    AdmissionServer noop = start(serverVertx, NoopReviewRoutes.router(serverVertx), tls, metrics);
    HttpClient client = clientVertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(tls.caBundle().toString())), new PoolOptions().setHttp1MaxSize(64));
    AdmissionLoadDriver driver = new AdmissionLoadDriver(clientVertx, body);

    System.out.printf(Locale.ROOT, "body %d bytes; %d cores; %s %s%n", body.length, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"));
    List<String> names = List.of("noop", "ours");
    List<Integer> ports = List.of(noop.actualPort(), ours.actualPort());
    // Warm up both (JIT, TLS sessions, connection pools) before anything is recorded.
    driver.openLoop(names, client, ports, rate, 10);
    List<Result> results = driver.openLoop(names, client, ports, rate, seconds);
    Result noopResult = results.get(0);
    Result oursResult = results.get(1);
    print(noopResult);
    print(oursResult);
    double ratio = oursResult.latency().getValueAtPercentile(99) / (double) noopResult.latency().getValueAtPercentile(99);
    System.out.printf(Locale.ROOT, "p99 ratio ours/noop: %.2f%n", ratio);
    for (int inFlight : new int[] {32, 128}) {
      System.out.printf(Locale.ROOT, "max throughput noop (%d in flight): %.0f reviews/s%n", inFlight,
          driver.closedLoop(client, noop.actualPort(), inFlight, maxSeconds));
      System.out.printf(Locale.ROOT, "max throughput ours (%d in flight): %.0f reviews/s%n", inFlight,
          driver.closedLoop(client, ours.actualPort(), inFlight, maxSeconds));
    }
    client.close().await();
    ours.stop().await();
    noop.stop().await();
    clientVertx.close().await();
    serverVertx.close().await();
  }

  static String review(String objectJson) {
    return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"705ab4f5-6393-11e8-b7cc-42010a800002\","
        + "\"kind\":{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"},"
        + "\"resource\":{\"group\":\"apps\",\"version\":\"v1\",\"resource\":\"deployments\"},"
        + "\"namespace\":\"shop\",\"name\":\"orders-api\",\"operation\":\"CREATE\","
        + "\"userInfo\":{\"username\":\"system:serviceaccount:argocd:argocd-application-controller\"},"
        + "\"object\":" + objectJson + ",\"oldObject\":null,\"dryRun\":false}}";
  }

  /** A fixed port, so the server can run one instance per event loop (port 0 serves from one loop only). */
  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static AdmissionServer start(Vertx vertx, Router router, SelfSignedCertificates.Generated tls, AdmissionMetrics metrics) {
    AdmissionServer server = new AdmissionServer(vertx, new AdmissionServer.Listen("127.0.0.1", freePort(), 2, Duration.ofSeconds(60)), router,
        tls.files(), metrics, Clock.systemUTC());
    server.start().await();
    return server;
  }

  /**
   * Sends {@code rate} requests per second to each target for {@code seconds}, interleaved (target k's
   * i-th request is due at {@code start + i/rate + k/(rate*targets)}), each timed from when it was due.
   * Interleaving makes every target see the same interference from the rest of the machine, so their
   * ratio means something even on a shared host.
   */
  List<Result> openLoop(List<String> names, HttpClient client, List<Integer> ports, int rate, int seconds) throws Exception {
    int targets = ports.size();
    List<Histogram> histograms = new ArrayList<>();
    List<AtomicLong> errors = new ArrayList<>();
    for (int k = 0; k < targets; k++) {
      histograms.add(new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3));
      errors.add(new AtomicLong());
    }
    long perTarget = (long) rate * seconds;
    long total = perTarget * targets;
    long slotNanos = TimeUnit.SECONDS.toNanos(1) / ((long) rate * targets);
    AtomicLong done = new AtomicLong();
    CompletableFuture<Void> finished = new CompletableFuture<>();
    Context context = clientVertx.getOrCreateContext();
    long start = System.nanoTime();
    // A dedicated pacing thread hands each request to the client at its due time (parkNanos, ~50 us precision);
    // when the client falls behind it hands over the overdue ones at once instead of skipping them.
    Thread pacer = new Thread(() -> {
      for (long i = 0; i < total; i++) {
        long due = start + i * slotNanos;
        int k = (int) (i % targets);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        // Sent from the client's event loop: the pool and its callbacks stay on one thread.
        context.runOnContext(v -> send(client, ports.get(k)).onComplete(ar -> {
          if (ar.failed() || ar.result() != 200) errors.get(k).incrementAndGet();
          Histogram h = histograms.get(k);
          h.recordValue(Math.min(System.nanoTime() - due, h.getHighestTrackableValue()));
          if (done.incrementAndGet() == total) finished.complete(null);
        }));
      }
    }, "pacer");
    pacer.setDaemon(true);
    pacer.start();
    finished.get(seconds + 120L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Result> out = new ArrayList<>();
    for (int k = 0; k < targets; k++) out.add(new Result(names.get(k), histograms.get(k), perTarget, errors.get(k).get(), elapsed));
    return out;
  }

  /** Keeps {@code inFlight} requests outstanding for {@code seconds}; returns completed reviews per second. */
  double closedLoop(HttpClient client, int port, int inFlight, int seconds) throws Exception {
    AtomicLong completed = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CompletableFuture<Void> finished = new CompletableFuture<>();
    AtomicLong active = new AtomicLong(inFlight);
    long start = System.nanoTime();
    clientVertx.runOnContext(v -> {
      for (int i = 0; i < inFlight; i++) loop(client, port, end, completed, active, finished);
    });
    finished.get(seconds + 60L, TimeUnit.SECONDS);
    return completed.get() / ((System.nanoTime() - start) / 1e9);
  }

  private void loop(HttpClient client, int port, long end, AtomicLong completed, AtomicLong active, CompletableFuture<Void> finished) {
    if (System.nanoTime() >= end) {
      if (active.decrementAndGet() == 0) finished.complete(null);
      return;
    }
    send(client, port).onComplete(ar -> {
      if (ar.succeeded() && ar.result() == 200) completed.incrementAndGet();
      loop(client, port, end, completed, active, finished);
    });
  }

  private Future<Integer> send(HttpClient client, int port) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(port)
        .setURI(AdmissionRoutes.PATH).putHeader("Content-Type", "application/json");
    return client.request(options)
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }

  private static void print(Result r) {
    Histogram h = r.latency();
    System.out.printf(Locale.ROOT, "%-5s %d reviews in %.1f s, %d errors: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
        r.name(), r.sent(), r.seconds(), r.errors(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
