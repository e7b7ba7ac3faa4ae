package dev.floe.gitops.runtime.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Secrets from the Kubernetes API: the Secret named by the reference, key {@code value}, in one namespace
 * (the service's own). Values are cached briefly so a burst of webhooks is not a burst of API calls, and a
 * rotated Secret is picked up within the TTL. Calls block: resolve at start or off the event loop.
 */
public final class KubernetesSecretSource implements SecretSource {

    public static final String KEY = "value";

    private record Cached(Instant until, Lookup lookup) {}

    private final KubernetesClient client;
    private final String namespace;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public KubernetesSecretSource(KubernetesClient client, String namespace, Duration ttl, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.ttl = ttl;
        this.clock = clock;
    }

    public KubernetesSecretSource(KubernetesClient client, String namespace) {
        this(client, namespace, Duration.ofSeconds(30), Clock.systemUTC());
    }

    @Override
    public Lookup lookup(SecretRef ref) {
        Instant now = clock.instant();
        Cached cached = cache.get(ref.name());
        if (cached != null && now.isBefore(cached.until())) return cached.lookup();
        Lookup lookup = fetch(ref);
        if (!(lookup instanceof Failed)) cache.put(ref.name(), new Cached(now.plus(ttl), lookup));
        return lookup;
    }

    private Lookup fetch(SecretRef ref) {
        String where = "Kubernetes Secret " + namespace + "/" + ref.name() + " (key '" + KEY + "')";
        try {
            Secret secret = client.secrets().inNamespace(namespace).withName(ref.name()).get();
            if (secret == null) return new Absent(where);
            String encoded = secret.getData() == null ? null : secret.getData().get(KEY);
            if (encoded != null) {
                String value = FileSecretSource.trimTrailingNewlines(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
                return value.isEmpty() ? new Absent(where + " (empty)") : new Found(SecretValue.of(value), where);
            }
            String plain = secret.getStringData() == null ? null : secret.getStringData().get(KEY);
            return plain == null || plain.isEmpty() ? new Absent(where) : new Found(SecretValue.of(plain), where);
        } catch (KubernetesClientException e) {
            // The status code only: the client's message can quote the response body.
            return new Failed(where, "API error (HTTP " + e.getCode() + ")");
        } catch (IllegalArgumentException e) {
            return new Failed(where, "key '" + KEY + "' is not valid base64");
        }
    }
}
