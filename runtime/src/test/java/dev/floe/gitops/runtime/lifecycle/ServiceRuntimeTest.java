package dev.floe.gitops.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.secrets.SecretRef;
import io.vertx.core.Future;

class ServiceRuntimeTest {

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aRuntimeBuiltFromConfigServesProbesAndResolvesSecrets() throws Exception {
        int port = freePort();
        String yaml = "profile: local\nmanagement: {port: " + port + "}\nshutdown: {gracePeriod: 5s}\n";
        var loaded = (ConfigLoadResult.Loaded) new ConfigLoader(new BuiltinConfigScanner())
                .load(ConfigSource.ofText(yaml, Path.of("/tmp/floe-gitops.yaml"), Map.of(), Map.of(), Path.of("/tmp")));
        ServiceRuntime runtime = ServiceRuntime.create(loaded.config(), Map.of("WEBHOOK", "w"), "127.0.0.1");
        runtime.lifecycle().register(Component.of("worker", Future::succeededFuture, Future::succeededFuture));
        runtime.start().await(30, TimeUnit.SECONDS);

        HttpResponse<String> ready = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"lifecycle\":{\"ready\":true}");
        assertThat(runtime.secrets().require(new SecretRef("webhook")).expose()).isEqualTo("w");

        assertThat(runtime.lifecycle().shutdown(ExitCode.OK).await(30, TimeUnit.SECONDS)).isEqualTo(new ShutdownOutcome.Clean(ExitCode.OK));
    }
}
