package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.config.WorkerConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretSource;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.git.SshGitServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh:// with a key and known hosts from secret references, against an sshd server running C git. */
class SshDeployTest {

  @TempDir Path tmp;

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  @Test
  void deploysOverSshAndRefusesAnUnknownHostKey() throws Exception {
    KeyPair client = rsa();
    KeyPair host = rsa();
    try (WorkerFixture fx = WorkerFixture.overFile(tmp);
        SshGitServer ssh = new SshGitServer(tmp.resolve("hosts"), client.getPublic(), host)) {
      RepositoryConfig plain = fx.seed("sales-analytics", List.of("dev"));
      String url = ssh.url("sales-analytics.git");
      Map<String, String> secrets = new java.util.HashMap<>(Map.of("deploy-key", SshGitServer.pem(client),
          "known-hosts", ssh.knownHostsLine()));
      SecretSource memory = ref -> secrets.containsKey(ref.name())
          ? new SecretSource.Found(SecretValue.of(secrets.get(ref.name())), "test memory")
          : new SecretSource.Absent("test memory");
      RepositoryConfig repo = new RepositoryConfig(plain.name(), plain.provider(), url, Optional.empty(),
          List.of(new DeployTarget("dev", new DeployTarget.Branch("main"), "deploy/dev", url)), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.of(new SecretRef("deploy-key")), Optional.of(new SecretRef("known-hosts")));
      PlatformFiles platforms = PlatformFiles.fromDisk(Map.of(
          "dev", new EnvironmentConfig("dev", fx.platforms.resolve("dev/platform.yaml"), Optional.empty())));
      String head = fx.head("sales-analytics");

      try (WorkerService service = new WorkerService(new WorkerService.Wiring(tmp.resolve("data"), List.of(repo),
          WorkerConfig.defaults(), platforms, new GitCredentials(new SecretResolver(List.of(memory)), null),
          PolicyEngine.defaults(), WorkerFixture.CLOCK, new EnvironmentDeployer.Settings(2, a -> Duration.ZERO, d -> { }),
          Runnable::run))) {
        DeployOutcome outcome = service.worker().handle(fx.push("sales-analytics", "0".repeat(40), head)).outcomes().get("dev");
        assertThat(outcome).isInstanceOf(DeployOutcome.Deployed.class);
      }
      fx.verifyWithCGitAndKubectl("sales-analytics");

      // another host key under the same name: refused, a transient failure
      secrets.put("known-hosts", "[127.0.0.1]:" + ssh.port() + " "
          + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(rsa().getPublic()));
      try (WorkerService service = new WorkerService(new WorkerService.Wiring(tmp.resolve("data2"), List.of(repo),
          WorkerConfig.defaults(), platforms, new GitCredentials(new SecretResolver(List.of(memory)), null),
          PolicyEngine.defaults(), WorkerFixture.CLOCK, new EnvironmentDeployer.Settings(2, a -> Duration.ZERO, d -> { }),
          Runnable::run))) {
        String next = fx.changeFloe("sales-analytics", "ssh");
        DeployOutcome refused = service.worker().handle(fx.push("sales-analytics", head, next)).outcomes().get("dev");
        assertThat(refused).isInstanceOf(DeployOutcome.Transient.class);
      }
    }
  }
}
