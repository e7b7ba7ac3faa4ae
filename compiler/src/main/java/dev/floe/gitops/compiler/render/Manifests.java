package dev.floe.gitops.compiler.render;

import dev.floe.gitops.compiler.resolve.CompiledArtifacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of a render (FORMATS.md "Rendered tree" and "Runtime binding"). No namespace: Argo CD,
 * Flux or kustomize set it.
 */
public final class Manifests {
    public static final int GRPC_PORT = 3030;
    public static final String CONFIG_DIR = "/etc/floe";

    private final CompiledArtifacts a;
    private final String pipeline;

    /** One object, its kind and folded name. */
    public record K8sObject(String kind, String name, Map<String, Object> body) {
        public String fileName() {
            return "manifests/" + kind.toLowerCase(java.util.Locale.ROOT) + "-" + name + ".yaml";
        }
    }

    public Manifests(CompiledArtifacts a) {
        this.a = a;
        this.pipeline = KubeNames.fold(a.pipeline());
    }

    public String codeLocationName() {
        return KubeNames.fold(a.pipeline() + "-code-location");
    }

    public String configMapName() {
        return KubeNames.fold(a.pipeline() + "-floe-artifacts");
    }

    Map<String, Object> labels() {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("app.kubernetes.io/name", pipeline);
        l.put("app.kubernetes.io/managed-by", "floe-gitops");
        l.put("floe.dev/environment", a.metadata().environment());
        return l;
    }

    private Map<String, Object> metadata(String name, Map<String, Object> extraLabels, Map<String, Object> annotations) {
        Map<String, Object> labels = labels();
        labels.putAll(extraLabels);
        return Doc.of().put("name", name).put("labels", labels).putNonEmpty("annotations", annotations).map();
    }

    public K8sObject configMap(Map<String, String> data) {
        return new K8sObject("ConfigMap", configMapName(), Doc.of().put("apiVersion", "v1").put("kind", "ConfigMap")
                .put("metadata", metadata(configMapName(), Map.of(), Map.of())).put("data", new LinkedHashMap<>(data)).map());
    }

    public K8sObject serviceAccount() {
        Map<String, Object> annotations = new LinkedHashMap<>();
        if (a.runtime().roleArn() != null) {
            annotations.put("eks.amazonaws.com/role-arn", a.runtime().roleArn());
        }
        return new K8sObject("ServiceAccount", pipeline, Doc.of().put("apiVersion", "v1").put("kind", "ServiceAccount")
                .put("metadata", metadata(pipeline, Map.of(), annotations)).map());
    }

    public List<K8sObject> externalSecrets() {
        List<K8sObject> out = new ArrayList<>();
        var backends = a.secretBackends();
        if (!backends.usesExternalSecrets()) {
            return out;
        }
        for (var use : a.secrets()) {
            List<Object> data = new ArrayList<>();
            String remote = backends.primary().equals("vault")
                    ? stripSlash(backends.vaultSecretPath()) + "/" + use.ref()
                    : backends.awsPrefix() + use.ref();
            for (String key : use.keys()) {
                data.add(Doc.of().put("secretKey", key)
                        .put("remoteRef", Doc.of().put("key", remote).put("property", key).map()).map());
            }
            Map<String, Object> spec = Doc.of().put("refreshInterval", "1h")
                    .put("secretStoreRef", Doc.of().put("name", backends.storeName()).put("kind", backends.storeKind()).map())
                    .put("target", Doc.of().put("name", use.kubernetesSecret()).put("creationPolicy", "Owner").map())
                    .put("data", data).map();
            out.add(new K8sObject("ExternalSecret", use.kubernetesSecret(), Doc.of().put("apiVersion", "external-secrets.io/v1")
                    .put("kind", "ExternalSecret").put("metadata", metadata(use.kubernetesSecret(), Map.of(), Map.of()))
                    .put("spec", spec).map()));
        }
        return out;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private Map<String, Object> selector() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("app.kubernetes.io/name", pipeline);
        s.put("app.kubernetes.io/component", "code-location");
        return s;
    }

    public K8sObject service() {
        Map<String, Object> spec = Doc.of().put("type", "ClusterIP").put("selector", selector())
                .put("ports", List.of(Doc.of().put("name", "grpc").put("port", GRPC_PORT).put("targetPort", "grpc")
                        .put("protocol", "TCP").map())).map();
        return new K8sObject("Service", codeLocationName(), Doc.of().put("apiVersion", "v1").put("kind", "Service")
                .put("metadata", metadata(codeLocationName(), Map.of("app.kubernetes.io/component", "code-location"), Map.of()))
                .put("spec", spec).map());
    }

    /** Every variable of the workload, in binding order: plain values, secrets, then variables composed from them. */
    public List<Object> env() {
        List<Object> env = new ArrayList<>();
        plain(env, "DBT_PROFILES_DIR", CONFIG_DIR + "/dbt");
        plain(env, "PYICEBERG_HOME", CONFIG_DIR + "/iceberg");
        plain(env, "FLOE_COMPILED_ARTIFACTS", CONFIG_DIR + "/compiled_artifacts.json");
        plain(env, "DAGSTER_HOME", "/opt/dagster/dagster_home");
        plain(env, "FLOE_ENVIRONMENT", a.metadata().environment());
        plain(env, "OTEL_SERVICE_NAME", a.pipeline());
        if (a.observability().traces() && a.observability().otlpEndpoint() != null) {
            plain(env, "OTEL_EXPORTER_OTLP_ENDPOINT", a.observability().otlpEndpoint());
        }
        if (!a.observability().attributes().isEmpty()) {
            StringBuilder attrs = new StringBuilder();
            new java.util.TreeMap<>(a.observability().attributes()).forEach((k, v) ->
                    attrs.append(attrs.length() == 0 ? "" : ",").append(k).append('=').append(v));
            plain(env, "OTEL_RESOURCE_ATTRIBUTES", attrs.toString());
        }
        if (a.observability().lineage() && a.observability().lineageEndpoint() != null) {
            plain(env, "OPENLINEAGE_URL", a.observability().lineageEndpoint());
        }
        for (var e : a.runtime().secretEnv()) {
            env.add(Doc.of().put("name", e.name()).put("valueFrom", Doc.of().put("secretKeyRef",
                    Doc.of().put("name", e.secret()).put("key", e.key()).map()).map()).map());
        }
        for (var d : a.runtime().dependentEnv()) {
            plain(env, d.name(), d.value());
        }
        return env;
    }

    private static void plain(List<Object> env, String name, String value) {
        env.add(Doc.of().put("name", name).put("value", value).map());
    }

    public K8sObject deployment(String configChecksum, List<String> configKeys) {
        List<Object> items = new ArrayList<>();
        for (String key : configKeys) {
            items.add(Doc.of().put("key", key).put("path", TreeRenderer.CONFIG_PATHS.get(key)).map());
        }
        List<Object> volumes = new ArrayList<>();
        volumes.add(Doc.of().put("name", "floe-config").put("configMap", Doc.of().put("name", configMapName()).put("items", items).map()).map());
        volumes.add(Doc.of().put("name", "dagster-home").put("emptyDir", Map.of()).map());
        List<Object> mounts = new ArrayList<>();
        mounts.add(Doc.of().put("name", "floe-config").put("mountPath", CONFIG_DIR).put("readOnly", true).map());
        mounts.add(Doc.of().put("name", "dagster-home").put("mountPath", "/opt/dagster/dagster_home").map());
        for (var m : a.runtime().mounts()) {
            String volume = KubeNames.fold("secret-" + m.secret());
            volumes.add(Doc.of().put("name", volume).put("secret", Doc.of().put("secretName", m.secret())
                    .put("items", List.of(Doc.of().put("key", m.key()).put("path", m.key()).map())).map()).map());
            mounts.add(Doc.of().put("name", volume).put("mountPath", m.mountPath()).put("readOnly", true).map());
        }
        Map<String, Object> container = Doc.of().put("name", "code-location").put("image", a.image())
                .put("imagePullPolicy", "IfNotPresent")
                .put("command", List.of("dagster", "api", "grpc", "--host", "0.0.0.0", "--port", String.valueOf(GRPC_PORT),
                        "--module-name", a.dagsterModule()))
                .put("ports", List.of(Doc.of().put("name", "grpc").put("containerPort", GRPC_PORT).put("protocol", "TCP").map()))
                .put("readinessProbe", Doc.of().put("tcpSocket", Doc.of().put("port", "grpc").map())
                        .put("initialDelaySeconds", 5).put("periodSeconds", 10).map())
                .put("env", env())
                .put("volumeMounts", mounts).map();
        Map<String, Object> podLabels = labels();
        podLabels.put("app.kubernetes.io/component", "code-location");
        Map<String, Object> template = Doc.of()
                .put("metadata", Doc.of().put("labels", podLabels).put("annotations", Map.of("checksum/config", configChecksum)).map())
                .put("spec", Doc.of().put("serviceAccountName", pipeline).put("containers", List.of(container))
                        .put("volumes", volumes).map()).map();
        Map<String, Object> spec = Doc.of().put("replicas", 1).put("selector", Doc.of().put("matchLabels", selector()).map())
                .put("template", template).map();
        return new K8sObject("Deployment", codeLocationName(), Doc.of().put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("metadata", metadata(codeLocationName(), Map.of("app.kubernetes.io/component", "code-location"), Map.of()))
                .put("spec", spec).map());
    }
}
