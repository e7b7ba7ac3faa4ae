package dev.floe.gitops.bench;

/** Inputs for the scan and admission benchmarks: what a cluster really sends, and worse. */
public final class Manifests {
  private Manifests() {}

  /** A Deployment as a popular chart renders it: probes, resources, env from secretKeyRef. */
  public static final String TYPICAL_DEPLOYMENT_YAML = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: orders-api
        namespace: shop
        labels:
          app.kubernetes.io/name: orders-api
          app.kubernetes.io/instance: orders
          app.kubernetes.io/version: "2.14.1"
          helm.sh/chart: orders-api-1.8.0
        annotations:
          deployment.kubernetes.io/revision: "12"
      spec:
        replicas: 3
        revisionHistoryLimit: 10
        selector:
          matchLabels:
            app.kubernetes.io/name: orders-api
            app.kubernetes.io/instance: orders
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
        template:
          metadata:
            labels:
              app.kubernetes.io/name: orders-api
              app.kubernetes.io/instance: orders
            annotations:
              checksum/config: 3f0a1c9e5b7d2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
              prometheus.io/scrape: "true"
              prometheus.io/port: "9090"
          spec:
            serviceAccountName: orders-api
            securityContext: {runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: {type: RuntimeDefault}}
            initContainers:
              - name: migrate
                image: ghcr.io/acme/orders-api:2.14.1@sha256:9b2c7a4f1e3d5b7c9a1e3f5d7b9c1a3e5f7d9b1c3a5e7f9d1b3c5a7e9f1d3b5c
                command: ["/app/migrate", "--database-url=$(DATABASE_URL)", "--lock-timeout=30s"]
                env:
                  - name: DATABASE_URL
                    valueFrom: {secretKeyRef: {name: orders-db, key: url}}
            containers:
              - name: api
                image: ghcr.io/acme/orders-api:2.14.1@sha256:9b2c7a4f1e3d5b7c9a1e3f5d7b9c1a3e5f7d9b1c3a5e7f9d1b3c5a7e9f1d3b5c
                imagePullPolicy: IfNotPresent
                args: ["serve", "--port=8080", "--metrics-port=9090", "--log-format=json"]
                ports:
                  - {name: http, containerPort: 8080, protocol: TCP}
                  - {name: metrics, containerPort: 9090, protocol: TCP}
                env:
                  - {name: LOG_LEVEL, value: info}
                  - {name: OTEL_EXPORTER_OTLP_ENDPOINT, value: "http://otel-collector.observability:4317"}
                  - {name: OTEL_SERVICE_NAME, value: orders-api}
                  - name: DB_PASSWORD
                    valueFrom: {secretKeyRef: {name: orders-db, key: password}}
                  - {name: DB_PASSWORD_FILE, value: /var/run/secrets/orders/db-password}
                  - {name: REDIS_URL, value: "redis://orders-redis-master.shop:6379/0"}
                  - {name: JWT_SECRET_NAME, value: orders-jwt}
                  - name: POD_NAME
                    valueFrom: {fieldRef: {fieldPath: metadata.name}}
                envFrom:
                  - configMapRef: {name: orders-api-config}
                readinessProbe:
                  httpGet: {path: /readyz, port: http}
                  periodSeconds: 5
                livenessProbe:
                  httpGet:
                    path: /healthz
                    port: http
                    httpHeaders: [{name: X-Probe, value: kubelet}]
                  initialDelaySeconds: 10
                resources:
                  requests: {cpu: 250m, memory: 256Mi}
                  limits: {cpu: "1", memory: 512Mi}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                volumeMounts:
                  - {name: tmp, mountPath: /tmp}
                  - {name: db-password, mountPath: /var/run/secrets/orders, readOnly: true}
            volumes:
              - name: tmp
                emptyDir: {}
              - name: db-password
                secret: {secretName: orders-db, items: [{key: password, path: db-password}]}
      """;

  /** The same Deployment as JSON, as the API server sends it inside an AdmissionReview. */
  public static final String TYPICAL_DEPLOYMENT_JSON = yamlToJson(TYPICAL_DEPLOYMENT_YAML);

  /**
   * A ConfigMap whose one value is about {@code size} bytes of input built to make a naive
   * scanner backtrack: long runs of one character, nested quotes and almost-matching tokens.
   */
  public static String hostileConfigMap(int size) {
    StringBuilder v = new StringBuilder(size + 64);
    String[] pieces = {"ghp_", "AKIA", "\\\"'\\\"'", "password=", "://user:", "eyJhbGciOi", "-----BEGIN ", "aaaaaaaaaaaaaaaa"};
    int i = 0;
    while (v.length() < size) {
      v.append(pieces[i % pieces.length]);
      for (int k = 0; k < 200 && v.length() < size; k++) {
        v.append('a');
      }
      i++;
    }
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"hostile\"},\"data\":{\"blob\":\""
        + v + "\"}}";
  }

  private static String yamlToJson(String yaml) {
    Object tree = new org.snakeyaml.engine.v2.api.Load(
        org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(yaml);
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(tree);
  }
}
