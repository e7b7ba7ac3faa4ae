package dev.floe.gitops.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import io.vertx.core.Vertx;

@EnableKubernetesMockClient(crud = true)
class KubernetesSecretSourceTest {

    KubernetesMockServer server;
    KubernetesClient injected; // created by the extension; we use our own client on the shared Vert.x below
    Vertx vertx;
    KubernetesClient client;

    @TempDir Path dir;

    @BeforeEach
    void sharedVertx() {
        vertx = Vertx.vertx();
        client = server.createClient(new Vertx5HttpClientFactory(vertx));
    }

    @AfterEach
    void close() {
        client.close();
        vertx.close().await();
    }

    void createSecret(String namespace, String name, String value) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToData(KubernetesSecretSource.KEY, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))).build()).create();
    }

    @Test
    void aSecretIsReadFromTheApiInTheServicesNamespaceKeyValue() {
        createSecret("floe", "sales-webhook-secret", "from-the-api\n");
        createSecret("elsewhere", "other", "not-ours");
        KubernetesSecretSource source = new KubernetesSecretSource(client, "floe");
        assertThat(source.lookup(new SecretRef("sales-webhook-secret")))
                .isInstanceOfSatisfying(SecretSource.Found.class, f -> assertThat(f.value().expose()).isEqualTo("from-the-api"));
        assertThat(source.lookup(new SecretRef("other")))
                .isEqualTo(new SecretSource.Absent("Kubernetes Secret floe/other (key 'value')"));
    }

    @Test
    void theApiIsTheLastSourceAfterEnvironmentAndFiles() {
        createSecret("floe", "token", "api-value");
        String yaml = "profile: local\nsecretsDir: " + dir + "\nkubernetes: {secrets: true, namespace: floe}\n";
        var loaded = (ConfigLoadResult.Loaded) new ConfigLoader(new BuiltinConfigScanner())
                .load(ConfigSource.ofText(yaml, dir.resolve("floe-gitops.yaml"), Map.of(), Map.of(), dir));
        SecretResolver fromApi = SecretResolvers.fromConfig(loaded.config(), Map.of(), Optional.of(client));
        assertThat(fromApi.require(new SecretRef("token")).expose()).isEqualTo("api-value");
        SecretResolver fromEnv = SecretResolvers.fromConfig(loaded.config(), Map.of("TOKEN", "env-value"), Optional.of(client));
        assertThat(fromEnv.require(new SecretRef("token")).expose()).isEqualTo("env-value");

        var missing = (SecretResolver.Missing) fromApi.lookup(new SecretRef("absent"));
        assertThat(missing.lookedAt()).containsExactly("environment variable ABSENT", "file " + dir.resolve("absent"),
                "Kubernetes Secret floe/absent (key 'value')");
    }

    @Test
    void aRotatedSecretIsSeenAfterTheCacheExpires() {
        createSecret("floe", "rotating", "first");
        MutableClock clock = new MutableClock();
        KubernetesSecretSource source = new KubernetesSecretSource(client, "floe", Duration.ofSeconds(30), clock);
        assertThat(((SecretSource.Found) source.lookup(new SecretRef("rotating"))).value().expose()).isEqualTo("first");
        client.secrets().inNamespace("floe").withName("rotating").delete();
        createSecret("floe", "rotating", "second");
        assertThat(((SecretSource.Found) source.lookup(new SecretRef("rotating"))).value().expose()).isEqualTo("first");
        clock.advance(Duration.ofSeconds(31));
        assertThat(((SecretSource.Found) source.lookup(new SecretRef("rotating"))).value().expose()).isEqualTo("second");
    }

    static final class MutableClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        void advance(Duration d) { now = now.plus(d); }
        @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
        @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public java.time.Instant instant() { return now; }
    }

}
