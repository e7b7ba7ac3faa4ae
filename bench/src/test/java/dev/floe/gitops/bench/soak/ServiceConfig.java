package dev.floe.gitops.bench.soak;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The service's {@code floe-gitops.yaml} for the soak: production profile, embedded Kafka in a data folder that
 * survives restarts (the broker's log and the worker's {@code group.instance.id} are kept there, so a restart gets
 * its partitions back), the reconciler every 5 s, and each repository deploying its {@code main} to every
 * environment. The webhook secret is a reference to a file in {@code secretsDir}, as a mounted Secret would be.
 */
record ServiceConfig(int port, int managementPort, Path dataDir, Path secretsDir, String secretRef,
    Map<String, Path> platforms, List<Repository> repositories) {

  record Repository(String name, String url) {}

  String yaml() {
    StringBuilder y = new StringBuilder()
        .append("profile: production\n")
        .append("server: {port: ").append(port).append("}\n")
        .append("management: {port: ").append(managementPort).append("}\n")
        .append("dataDir: \"").append(dataDir).append("\"\n")
        .append("secretsDir: \"").append(secretsDir).append("\"\n")
        .append("kafka: {}\n")
        .append("environments:\n");
    new java.util.TreeMap<>(platforms).forEach((env, file) ->
        y.append("  ").append(env).append(": {platform: \"").append(file).append("\"}\n"));
    y.append("repositories:\n");
    for (Repository r : repositories) {
      y.append("  - name: ").append(r.name()).append('\n')
          .append("    provider: github\n")
          .append("    url: \"").append(r.url()).append("\"\n")
          .append("    webhookSecret: {secret_ref: ").append(secretRef).append("}\n")
          .append("    deploy:\n");
      new java.util.TreeMap<>(platforms).keySet().forEach(env ->
          y.append("      - {environment: ").append(env).append(", branch: main}\n"));
    }
    y.append("worker:\n")
        .append("  reconcileInterval: 5s\n")
        .append("  author: {name: floe-gitops soak, email: soak@floe.invalid}\n")
        .append("logging: {format: json, level: INFO}\n");
    return y.toString();
  }
}
