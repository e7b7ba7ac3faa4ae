package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code floe-gitops admission} in-process: exit code 2 for bad flags and configuration; a real start answers. */
class AdmissionCommandTest {

  @TempDir Path tmp;

  @Test
  void badFlagsExitWithTwo() throws Exception {
    assertThat(CompileCommandTest.run("admission", "--port", "abc").exit()).isEqualTo(2);
    assertThat(CompileCommandTest.run("admission", "--bogus").exit()).isEqualTo(2);
    CompileCommandTest.Run certWithoutKey = CompileCommandTest.run("admission", "--cert", "tls.crt");
    assertThat(certWithoutKey.exit()).isEqualTo(2);
    assertThat(certWithoutKey.err()).contains("--key");
    CompileCommandTest.Run outOfRange = CompileCommandTest.run("admission", "--port", "70000", "--data-dir", tmp.toString());
    assertThat(outOfRange.exit()).isEqualTo(2);
    assertThat(outOfRange.err()).contains("admission.port").contains("1 to 65535");
    CompileCommandTest.Run samePorts = CompileCommandTest.run("admission", "--port", "9443", "--management-port", "9443", "--data-dir", tmp.toString());
    assertThat(samePorts.exit()).isEqualTo(2);
    assertThat(samePorts.err()).contains("must differ from management.port");
    assertThat(CompileCommandTest.run("admission", "--config", tmp.resolve("missing.yaml").toString()).exit()).isEqualTo(2);
  }

  @Test
  void invalidAdmissionAndPolicySectionsExitWithTwo() throws Exception {
    Path badMode = tmp.resolve("bad-mode.yaml");
    Files.writeString(badMode, "admission:\n  mode: enforse\n  exemptions:\n    - namespaces: [legacy]\n");
    CompileCommandTest.Run r = CompileCommandTest.run("admission", "--config", badMode.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("admission.mode").contains("did you mean 'enforce'?").contains("admission.exemptions[0].reason: is required");
    Path badPolicy = tmp.resolve("bad-policy.yaml");
    Files.writeString(badPolicy, "policy:\n  disabledRulez: [x]\n");
    assertThat(CompileCommandTest.run("admission", "--config", badPolicy.toString()).exit()).isEqualTo(2);
  }

  @Test
  void startsPrintsTheCaBundleAndAnswersOverHttps() throws Exception {
    int port = freePort();
    int management = freePort();
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    CommandLine cl = new CommandLine(new FloeGitops(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        K created = CommandLine.defaultFactory().create(cls);
        if (created instanceof AdmissionCommand a) a.installShutdownHook = false;
        return created;
      }
    });
    cl.setOut(new PrintWriter(out, true));
    Thread server = new Thread(() -> exit.set(cl.execute("admission", "--port", String.valueOf(port), "--management-port",
        String.valueOf(management), "--data-dir", tmp.toString())));
    server.start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String ready = "";
    for (int i = 0; i < 100 && !ready.contains("\"status\":\"ready\""); i++) {
      Thread.sleep(100);
      try {
        ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/readyz")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
      } catch (java.io.IOException notYet) {
        // still starting
      }
    }
    try {
      Matcher m = Pattern.compile("^CA bundle: (.+)$", Pattern.MULTILINE).matcher(out.toString());
      assertThat(m.find()).as(out.toString()).isTrue();
      assertThat(Path.of(m.group(1))).exists().startsWith(tmp);
      assertThat(ready).contains("\"status\":\"ready\"").contains("\"admission\":{\"ready\":true}");
      String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("floe_admission_certificate_expiry_seconds");
    } finally {
      server.interrupt();
      server.join(30_000);
    }
    assertThat(exit.get()).isEqualTo(0);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
