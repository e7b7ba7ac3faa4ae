package dev.floe.gitops.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starts a real service JVM, sends SIGTERM and checks it stops in order and exits 0. */
class ProcessShutdownTest {

    Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) process.destroyForcibly();
    }

    @Test
    void sigtermStopsComponentsInReverseOrderAndExitsZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dfloe.log.format=text",
                TestServiceMain.class.getName())
                .redirectErrorStream(true)
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String port = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; port == null && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
            lines.add(line);
            if (line.startsWith("ready ")) port = line.substring("ready ".length()).trim();
        }
        assertThat(port).as("the service printed 'ready'; output so far: %s", lines).isNotNull();

        HttpResponse<String> ready = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);

        Thread reader = new Thread(() -> out.lines().forEach(lines::add));
        reader.start();
        // SIGTERM on Linux. Through the handle: Process.destroy() also closes our end of the pipes,
        // and the shutdown lines would be lost.
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
        reader.join(10_000);

        assertThat(process.exitValue()).as("exit code; output: %s", lines).isZero();
        // Text layout: "time LEVEL [thread] logger - message"; compare the messages.
        List<String> messages = lines.stream().map(l -> l.contains(" - ") ? l.substring(l.indexOf(" - ") + 3) : l).toList();
        assertThat(messages).as("shutdown log lines in order").containsSubsequence(
                "shutdown started (grace period 20s)",
                "stopping management", "stopped management",
                "stopping worker", "worker draining", "stopped worker",
                "shutdown complete (exit code 0)");
    }
}
