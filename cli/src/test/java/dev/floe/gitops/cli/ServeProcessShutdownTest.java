package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code serve} JVM while signed webhooks keep arriving: it exits 0, and after a
 * restart on the same data directory every delivery that was answered 202 took effect exactly
 * once (and none twice).
 */
class ServeProcessShutdownTest {

  private static final String SECRET = "shutdown-test-webhook-secret";

  @TempDir Path dir;
  Process process;

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void noAcceptedEventIsLostOrDoneTwiceAcrossASigtermAndRestart() throws Exception {
    Path record = dir.resolve("record.txt");
    Path config = dir.resolve("floe-gitops.yaml");
    Path platform = Files.createDirectories(dir.resolve("platform/dev")).resolve("platform.yaml");
    Files.copy(repoRoot().resolve("platform/dev/platform.yaml"), platform);
    Files.writeString(config, """
        profile: production
        logging: {format: text, level: INFO}
        shutdown: {gracePeriod: 20s}
        environments:
          dev: {platform: %s}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: https://github.com/acme/sales-analytics.git
            webhookSecret: {secret_ref: sales-webhook-secret}
            deploy: [{environment: dev, branch: main}]
        """.formatted(platform));

    int port = freePort();
    List<String> output = new CopyOnWriteArrayList<>();
    process = start(config, record, port, output);
    Map<String, Integer> answers = new ConcurrentHashMap<>();
    for (int i = 0; i < 10; i++) {
      answers.put("before-" + i, post(port, "before-" + i));
    }
    Thread sender = new Thread(() -> {
      for (int i = 0; i < 200 && !Thread.currentThread().isInterrupted(); i++) {
        answers.put("during-" + i, post(port, "during-" + i));
      }
    });
    sender.start();
    Thread.sleep(300);
    assertThat(process.toHandle().destroy()).isTrue();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("first serve ended; output: %s", output).isTrue();
    assertThat(process.exitValue()).as("exit code; output: %s", output).isZero();
    sender.interrupt();
    sender.join(30_000);

    Set<String> accepted = answers.entrySet().stream().filter(e -> e.getValue() == 202).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    assertThat(accepted).as("answers: %s", answers).hasSizeGreaterThanOrEqualTo(10);

    List<String> output2 = new CopyOnWriteArrayList<>();
    int port2 = freePort();
    process = start(config, record, port2, output2);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!recorded(record).keySet().containsAll(accepted) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(1_000); // a duplicate would arrive right behind
    assertThat(process.toHandle().destroy()).isTrue();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    Map<String, Long> counts = recorded(record);
    assertThat(counts.keySet()).as("every accepted delivery took effect").containsAll(accepted);
    assertThat(counts).as("no delivery took effect twice").allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
  }

  private Process start(Path config, Path record, int port, List<String> output) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dfloe.test.record=" + record, FileRecordingServeMain.class.getName(),
        "--config", config.toString(), "--port", Integer.toString(port),
        "--management-port", Integer.toString(freePort()), "--data-dir", dir.resolve("data").toString())
        .redirectErrorStream(true);
    builder.environment().put("SALES_WEBHOOK_SECRET", SECRET);
    Process p = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    boolean running = false;
    for (String line; !running && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
      output.add(line);
      running = line.contains("floe-gitops serve is running");
    }
    assertThat(running).as("serve started; output: %s", output).isTrue();
    Thread reader = new Thread(() -> out.lines().forEach(output::add));
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  private static Map<String, Long> recorded(Path record) throws IOException {
    if (!Files.exists(record)) {
      return Map.of();
    }
    return Files.readAllLines(record).stream().filter(l -> !l.isBlank())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static int post(int port, String delivery) {
    try {
      byte[] body = ("{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(40)
          + "\",\"after\":\"9fceb02d0ae598e95dc970b74767f19372d61af8\","
          + "\"repository\":{\"full_name\":\"acme/sales-analytics\"}}").getBytes(StandardCharsets.UTF_8);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/hooks/github"))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("X-GitHub-Event", "push")
          .header("X-GitHub-Delivery", delivery)
          .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1; // refused or reset: the service is stopping; the host would deliver again
    }
  }

  private static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("platform/dev/platform.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no platform/dev/platform.yaml above the working directory");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
