package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration is held to the policy engine's rules at start: an inline credential refuses to start. */
class PolicyConfigScannerTest {

  private static final String PASSWORD = "Tr0ub4dor-and-3";

  private static ConfigLoadResult load(String profile) {
    String yaml = """
        profile: %s
        environments:
          dev: {platform: platform/dev/platform.yaml}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: https://robot:%s@github.com/acme/sales-analytics.git
            webhookSecret: {secret_ref: sales-webhook-secret}
            deploy:
              - {environment: dev, branch: main}
        """.formatted(profile, PASSWORD);
    return new ConfigLoader(new PolicyConfigScanner(PolicyEngine.defaults())).load(new ConfigSource(
        Optional.of(yaml), Optional.of(Path.of("/etc/floe-gitops/floe-gitops.yaml")), Map.of(), Map.of(), Path.of("/tmp")));
  }

  @Test
  void credentialInARepositoryUrlRefusesToStartInProduction() {
    ConfigLoadResult result = load("production");
    assertThat(result).isInstanceOf(ConfigLoadResult.Invalid.class);
    String report = ((ConfigLoadResult.Invalid) result).report();
    assertThat(report).contains("repositories[0].url").contains("url-credentials");
    assertThat(report).doesNotContain(PASSWORD);
  }

  @Test
  void credentialInTheLocalProfileIsOnlyAWarning() {
    ConfigLoadResult result = load("local");
    assertThat(result).isInstanceOf(ConfigLoadResult.Loaded.class);
    assertThat(((ConfigLoadResult.Loaded) result).warnings().toString()).doesNotContain(PASSWORD);
  }
}
