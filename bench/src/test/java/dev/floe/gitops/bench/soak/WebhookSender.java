package dev.floe.gitops.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Git host's webhook sender: signed GitHub {@code push} deliveries, sent asynchronously so commits keep coming
 * while the service is down. A delivery the service does not accept (connection refused, 5xx) is tried again a few
 * times, as GitHub's redelivery would be, then given up and counted as dropped.
 */
final class WebhookSender implements AutoCloseable {

  /** What happened to the deliveries, for the report. */
  record Counts(long sent, long queued, long duplicateAnswers, long otherAnswers, long retries, long givenUp) {}

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final URI endpoint;
  private final byte[] secret;
  private final int attempts;
  private final Duration retryDelay;
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "webhook-sender");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong duplicateAnswers = new AtomicLong();
  private final AtomicLong otherAnswers = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong givenUp = new AtomicLong();

  WebhookSender(int port, byte[] secret, int attempts, Duration retryDelay) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/hooks/github");
    this.secret = secret.clone();
    this.attempts = attempts;
    this.retryDelay = retryDelay;
  }

  /** Sends the delivery after {@code delay} (a duplicate comes some time after the first). */
  void deliver(String deliveryId, SourceRepository.Pushed push, Duration delay) {
    String body = """
        {"ref":"refs/heads/main","before":"%s","after":"%s","repository":{"full_name":"%s"}}"""
        .formatted(push.before(), push.after(), push.repository());
    pool.submit(() -> {
      sleep(delay);
      send(deliveryId, body.getBytes(StandardCharsets.UTF_8));
    });
  }

  private void send(String deliveryId, byte[] body) {
    sent.incrementAndGet();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        retries.incrementAndGet();
        sleep(retryDelay);
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "push")
            .header("X-GitHub-Delivery", deliveryId)
            .header("X-Hub-Signature-256", "sha256=" + sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 500) {
          continue; // 503: Kafka did not acknowledge in time; the host tries again
        }
        if (answer.statusCode() == 202 && answer.body().contains("\"duplicate\"")) {
          duplicateAnswers.incrementAndGet();
        } else if (answer.statusCode() == 202 && answer.body().contains("\"queued\"")) {
          queued.incrementAndGet();
        } else {
          otherAnswers.incrementAndGet();
          System.out.println("soak: delivery " + deliveryId + " answered " + answer.statusCode() + " " + answer.body());
        }
        return;
      } catch (IOException e) {
        // refused or reset: the service is down (killed) or restarting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    givenUp.incrementAndGet();
  }

  private String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until every submitted delivery has been answered or given up. */
  void drain(Duration timeout) throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("deliveries still pending after " + timeout);
    }
  }

  Counts counts() {
    return new Counts(sent.get(), queued.get(), duplicateAnswers.get(), otherAnswers.get(), retries.get(),
        givenUp.get());
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
