package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Smoke checks of the performance targets (the JMH benchmark in bench/ measures them properly).
 * Bounds here are loose, since the build machine is shared; the printed numbers are what to read.
 */
class PerformanceTest {

  private final PolicyEngine engine = PolicyEngine.defaults();

  static Map<String, Object> typicalDeployment(int i) {
    Map<String, Object> env1 = new LinkedHashMap<>(Map.of("name", "LOG_LEVEL", "value", "info"));
    Map<String, Object> env2 = new LinkedHashMap<>(Map.of("name", "DB_PASSWORD",
        "valueFrom", Map.of("secretKeyRef", Map.of("name", "db", "key", "password"))));
    Map<String, Object> env3 = new LinkedHashMap<>(Map.of("name", "OTEL_EXPORTER_OTLP_ENDPOINT", "value", "http://otel-collector:4317"));
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "api");
    container.put("image", "ghcr.io/acme/billing-api:1.4." + i);
    container.put("args", List.of("--port=8080", "--config=/etc/app/config.yaml", "--log-format=json"));
    container.put("env", List.of(env1, env2, env3));
    container.put("ports", List.of(Map.of("containerPort", 8080, "name", "http")));
    container.put("resources", Map.of("requests", Map.of("cpu", "250m", "memory", "256Mi"), "limits", Map.of("memory", "512Mi")));
    container.put("readinessProbe", Map.of("httpGet", Map.of("path", "/ready", "port", 8080)));
    Map<String, Object> labels = Map.of("app.kubernetes.io/name", "billing-api", "app.kubernetes.io/instance", "billing-api-prod",
        "app.kubernetes.io/version", "1.4." + i, "helm.sh/chart", "billing-api-0.3.1");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", "apps/v1");
    d.put("kind", "Deployment");
    d.put("metadata", Map.of("name", "billing-api", "namespace", "billing", "labels", labels,
        "annotations", Map.of("checksum/config", "0e9cbd0ea8e24e32f7dfca5bab17a2ba05652642f0b09cb7e0ab6d4f6e4e3f2b")));
    d.put("spec", Map.of("replicas", 2, "selector", Map.of("matchLabels", labels), "template",
        Map.of("metadata", Map.of("labels", labels), "spec", Map.of("serviceAccountName", "billing-api", "containers", List.of(container)))));
    return d;
  }

  static long approxBytes(Object o) {
    if (o instanceof Map<?, ?> m) {
      long n = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        n += String.valueOf(e.getKey()).length() + 4 + approxBytes(e.getValue());
      }
      return n;
    }
    if (o instanceof List<?> l) {
      long n = 0;
      for (Object e : l) {
        n += 2 + approxBytes(e);
      }
      return n;
    }
    return String.valueOf(o).length();
  }

  /** The file budget's bytes with a clock that never moves, so a loaded machine cannot turn the outcome into BudgetExceeded. */
  private static final ScanContext FROZEN_CLOCK =
      ScanContext.files().withBudget(new Budget(Budget.defaults().maxBytes(), Budget.defaults().maxNanos(), () -> 0L));

  @Test
  void typicalDeploymentIsFastAndThroughputIsHigh() {
    Map<String, Object> dep = typicalDeployment(1);
    for (int i = 0; i < 20_000; i++) {
      engine.scanTree(dep, ScanContext.admission());
    }
    int n = 50_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertThat(engine.scanTree(dep, ScanContext.admission())).isInstanceOf(ScanResult.Clean.class);
    }
    long per = (System.nanoTime() - t0) / n;
    double mbps = approxBytes(dep) / (per / 1e9) / 1e6;
    // Printed for the record; timings are measured by the JMH benchmark in bench/, never asserted here.
    System.out.printf("typical Deployment: %d ns per scan, %.1f MB/s (%d bytes)%n", per, mbps, approxBytes(dep));
  }

  @Test
  void hostileValuesFinishQuickly() {
    List<String> hostile = new ArrayList<>();
    int mib = 1 << 20;
    hostile.add("a".repeat(mib));
    hostile.add("\"".repeat(mib));
    hostile.add("{".repeat(mib));
    hostile.add("ghp_".repeat(mib / 4));
    hostile.add("AKIA".repeat(mib / 4));
    hostile.add("eyJ.".repeat(mib / 4));
    hostile.add("-----BEGIN PRIVATE KEY-----".repeat(mib / 27));
    hostile.add("x://a:b@".repeat(mib / 8));
    hostile.add("--password ".repeat(mib / 11));
    hostile.add("A".repeat(mib - 4) + "==");
    hostile.add("key=value\n".repeat(mib / 10));
    hostile.add("password=".repeat(mib / 9));
    hostile.add("sk-".repeat(mib / 3));
    hostile.add(":AA".repeat(mib / 3));
    for (String h : hostile) {
      Map<String, Object> tree = Map.of("data", Map.of("password", h));
      engine.scanTree(tree, FROZEN_CLOCK);
      long t0 = System.nanoTime();
      ScanResult r = engine.scanTree(tree, FROZEN_CLOCK);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("hostile %-20s %4d ms -> %s%n", h.substring(0, 12).replace("\n", "\\n"), ms, r.getClass().getSimpleName());
      // The outcome is asserted, not the time: a hostile value finishes (no hang, no exception) within the byte budget.
      assertThat(r).as("hostile value starting %s", h.substring(0, 8)).isNotInstanceOf(ScanResult.BudgetExceeded.class);
    }
  }

  @Test
  void largeTextScansLinearly() {
    StringBuilder sb = new StringBuilder();
    String doc = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm-%d
        data:
          key: value-%d
          url: https://example.com/%d
        ---
        """;
    int i = 0;
    while (sb.length() < (4 << 20)) {
      sb.append(doc.formatted(i, i, i));
      i++;
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    engine.scanText(bytes, "big.yaml", FROZEN_CLOCK);
    long t0 = System.nanoTime();
    ScanResult r = engine.scanText(bytes, "big.yaml", FROZEN_CLOCK);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("4 MiB of YAML text: %d ms (%.1f MB/s) -> %s%n", ms, bytes.length / (ms / 1e3) / 1e6, r.getClass().getSimpleName());
    assertThat(r).isInstanceOf(ScanResult.Clean.class);
  }
}
