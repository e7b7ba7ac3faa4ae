package dev.floe.gitops.runtime.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.floe.gitops.runtime.config.GitopsConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import io.vertx.core.Vertx;

/** Builds the resolver from the configuration: the sources, in SPEC §9 order. */
public final class SecretResolvers {

    private SecretResolvers() {}

    /**
     * {@code kubernetes} is the client to use when {@code kubernetes.secrets} is on (see
     * {@link #inClusterClient(Vertx)}); it is ignored otherwise.
     */
    public static SecretResolver fromConfig(GitopsConfig config, Map<String, String> environment, Optional<KubernetesClient> kubernetes) {
        List<SecretSource> sources = new ArrayList<>();
        sources.add(new EnvironmentSecretSource(environment));
        sources.add(new FileSecretSource(config.secretsDir()));
        if (config.kubernetes().secrets()) {
            KubernetesClient client = kubernetes.orElseThrow(() ->
                    new IllegalStateException("kubernetes.secrets is on but no Kubernetes client was given"));
            String namespace = config.kubernetes().namespace().orElseGet(client::getNamespace);
            if (namespace == null || namespace.isBlank()) {
                throw new IllegalStateException("kubernetes.secrets is on but the service's namespace is unknown; set kubernetes.namespace");
            }
            sources.add(new KubernetesSecretSource(client, namespace));
        }
        return new SecretResolver(sources);
    }

    /**
     * A client with in-cluster (or kubeconfig) auto-configuration that shares the service's Vert.x
     * instance instead of starting its own event loops.
     */
    public static KubernetesClient inClusterClient(Vertx vertx) {
        return new KubernetesClientBuilder().withHttpClientFactory(new Vertx5HttpClientFactory(vertx)).build();
    }
}
