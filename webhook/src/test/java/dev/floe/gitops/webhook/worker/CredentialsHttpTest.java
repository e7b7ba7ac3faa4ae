package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.config.WorkerConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretSource;
import dev.floe.gitops.runtime.secrets.SecretValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch and push credentials from secret references, different from each other, over smart HTTP. */
class CredentialsHttpTest {

  @TempDir Path tmp;

  private static final Map<String, String> SECRETS = Map.of("read-token", "r3ad-t0ken-value", "write-token", "wr1te-t0ken-value");

  private static SecretResolver resolver() {
    SecretSource memory = ref -> SECRETS.containsKey(ref.name())
        ? new SecretSource.Found(SecretValue.of(SECRETS.get(ref.name())), "test memory")
        : new SecretSource.Absent("test memory");
    return new SecretResolver(List.of(memory));
  }

  private WorkerService service(WorkerFixture fx, RepositoryConfig repo, Path data) {
    PlatformFiles platforms = PlatformFiles.fromDisk(Map.of(
        "dev", new EnvironmentConfig("dev", fx.platforms.resolve("dev/platform.yaml"), Optional.empty()),
        "staging", new EnvironmentConfig("staging", fx.platforms.resolve("staging/platform.yaml"), Optional.empty())));
    return new WorkerService(new WorkerService.Wiring(data, List.of(repo), WorkerConfig.defaults(), platforms,
        new GitCredentials(resolver(), null), PolicyEngine.defaults(), WorkerFixture.CLOCK,
        new EnvironmentDeployer.Settings(2, a -> Duration.ZERO, d -> { }), Runnable::run));
  }

  @Test
  void fetchesWithTheReadTokenAndPushesWithTheWriteToken() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overHttp(tmp)) {
      RepositoryConfig plain = fx.seed("sales-analytics");
      fx.http.requireBasicAuth("r3ad-t0ken-value", "wr1te-t0ken-value");
      RepositoryConfig both = with(plain, Optional.of(new SecretRef("read-token")), Optional.of(new SecretRef("write-token")));
      RepositoryConfig readOnly = with(plain, Optional.of(new SecretRef("read-token")), Optional.empty());
      String head = fx.head("sales-analytics");

      try (WorkerService denied = service(fx, readOnly, tmp.resolve("data-denied"))) {
        DeployOutcome outcome = denied.worker().handle(fx.push("sales-analytics", "0".repeat(40), head)).outcomes().get("dev");
        // the read token cannot push: a transient failure that names no secret
        assertThat(outcome).isInstanceOfSatisfying(DeployOutcome.Transient.class,
            t -> assertThat(t.cause()).doesNotContain("r3ad-t0ken-value").doesNotContain("wr1te"));
      }
      try (WorkerService service = service(fx, both, tmp.resolve("data"))) {
        DeployWorker.EventResult result = service.worker().handle(fx.push("sales-analytics", "0".repeat(40), head));
        assertThat(result.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Deployed);
      }
      fx.verifyWithCGitAndKubectl("sales-analytics");
    }
  }

  private static RepositoryConfig with(RepositoryConfig r, Optional<SecretRef> fetch, Optional<SecretRef> push) {
    return new RepositoryConfig(r.name(), r.provider(), r.url(), r.webhookSecret(), r.deploy(), fetch, push, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
