package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.config.SigningConfig;
import dev.floe.gitops.runtime.config.WorkerConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretSource;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.git.CGit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** worker.signing: deploy commits carry an SSH signature that C git verifies against an allowed-signers file. */
class CommitSigningTest {

  private static final String SEED = "sales-analytics";

  @TempDir Path tmp;

  private final Map<String, String> secrets = new HashMap<>();

  @Test
  void signsDeployCommitsThatCGitVerifies() throws Exception {
    String publicKey = keygen("plain", "");
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      DeployOutcome outcome = deploy(fx, new SigningConfig("ssh", new SecretRef("signing-key"), Optional.empty()));

      assertThat(outcome).isInstanceOf(DeployOutcome.Deployed.class);
      CGit bare = fx.bare(SEED);
      Path allowed = allowedSigners(publicKey);
      assertThat(bare.tryRun("-c", "gpg.ssh.allowedSignersFile=" + allowed, "verify-commit", "deploy/dev").exit()).isZero();
      assertThat(bare.run("-c", "gpg.ssh.allowedSignersFile=" + allowed, "log", "-1", "--format=%G?", "deploy/dev").trim())
          .isEqualTo("G");
      // another key is not accepted: the signature is over this commit by this key
      Path other = allowedSigners(keygen("other", ""));
      assertThat(bare.tryRun("-c", "gpg.ssh.allowedSignersFile=" + other, "verify-commit", "deploy/dev").exit()).isNotZero();
      assertThat(Files.getPosixFilePermissions(tmp.resolve("data/signing/deploy-signing-key")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void signsWithAnEncryptedKeyAndItsPassphrase() throws Exception {
    String publicKey = keygen("encrypted", "correct horse battery");
    secrets.put("signing-passphrase", "correct horse battery");
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      DeployOutcome outcome = deploy(fx, new SigningConfig("ssh", new SecretRef("signing-key"),
          Optional.of(new SecretRef("signing-passphrase"))));

      assertThat(outcome).isInstanceOf(DeployOutcome.Deployed.class);
      assertThat(fx.bare(SEED).tryRun("-c", "gpg.ssh.allowedSignersFile=" + allowedSigners(publicKey),
          "verify-commit", "deploy/dev").exit()).isZero();
    }
  }

  @Test
  void aKeyThatCannotSignFailsTheDeployNamingTheReferenceNeverTheValue() throws Exception {
    keygen("encrypted", "correct horse battery");
    secrets.put("signing-passphrase", "wrong staple");
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      DeployOutcome outcome = deploy(fx, new SigningConfig("ssh", new SecretRef("signing-key"),
          Optional.of(new SecretRef("signing-passphrase"))));

      assertThat(outcome).isInstanceOf(DeployOutcome.Transient.class);
      String text = outcome.describe();
      assertThat(text).contains("signing-key").doesNotContain("wrong staple").doesNotContain("PRIVATE KEY")
          .doesNotContain(secrets.get("signing-key").lines().skip(1).findFirst().orElseThrow());
      assertThat(fx.bare(SEED).tryRun("rev-parse", "--verify", "-q", "deploy/dev").exit()).isNotZero();
    }
  }

  @Test
  void signsWithAnOpenPgpKeyThatGpgVerifies() throws Exception {
    for (String algorithm : List.of("ed25519", "rsa3072")) {
      Path home = gpgHome(algorithm);
      // made before the fixture's fixed commit time: a signature older than its key does not verify
      gpg(home, "--faked-system-time", "20260101T000000!", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
          "--quick-gen-key",
          "floe-gitops <floe-gitops@localhost>", algorithm, "sign", "never");
      secrets.put("signing-key", gpg(home, "--armor", "--export-secret-keys", "floe-gitops@localhost"));
      Path case_ = tmp.resolve(algorithm);
      try (WorkerFixture fx = WorkerFixture.overFile(Files.createDirectories(case_))) {
        DeployOutcome outcome = deploy(fx, new SigningConfig("openpgp", new SecretRef("signing-key"), Optional.empty()),
            case_.resolve("data"));

        assertThat(outcome).as(algorithm).isInstanceOf(DeployOutcome.Deployed.class);
        Path bare = fx.bare(SEED).dir();
        CGit.Result verified = gitWithGpg(bare, home, "verify-commit", "deploy/dev");
        assertThat(verified.exit()).as(algorithm + ": " + verified.output()).isZero();
        assertThat(gitWithGpg(bare, home, "log", "-1", "--format=%G?", "deploy/dev").output().trim()).isEqualTo("G");
        // nothing of the key ever reaches the data directory
        try (var files = Files.walk(case_.resolve("data"))) {
          assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
              .noneMatch(name -> name.contains("signing"));
        }
      }
    }
  }

  @Test
  void anOpenPgpKeyWithAWrongPassphraseFailsTheDeployWithoutEchoingIt() throws Exception {
    Path home = gpgHome("protected");
    gpg(home, "--faked-system-time", "20260101T000000!", "--batch", "--pinentry-mode", "loopback", "--passphrase",
        "right horse", "--quick-gen-key",
        "floe-gitops <floe-gitops@localhost>", "ed25519", "sign", "never");
    secrets.put("signing-key", gpg(home, "--batch", "--pinentry-mode", "loopback", "--passphrase", "right horse",
        "--armor", "--export-secret-keys", "floe-gitops@localhost"));
    secrets.put("signing-passphrase", "wrong staple");
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      DeployOutcome outcome = deploy(fx, new SigningConfig("openpgp", new SecretRef("signing-key"),
          Optional.of(new SecretRef("signing-passphrase"))), tmp.resolve("data"));

      assertThat(outcome).isInstanceOf(DeployOutcome.Transient.class);
      assertThat(outcome.describe()).contains("signing-key", "OpenPGP").doesNotContain("wrong staple")
          .doesNotContain("PGP PRIVATE KEY");
      assertThat(fx.bare(SEED).tryRun("rev-parse", "--verify", "-q", "deploy/dev").exit()).isNotZero();
    }
  }

  @Test
  void aValueThatIsNoOpenPgpKeyFailsTheDeployWithoutQuotingIt() throws Exception {
    String hostile = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n\n"
        + "bm90IGEga2V5\n=AAAA\n-----END PGP PRIVATE KEY BLOCK-----\n";
    secrets.put("signing-key", hostile);
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      DeployOutcome outcome = deploy(fx, new SigningConfig("openpgp", new SecretRef("signing-key"), Optional.empty()));

      assertThat(outcome).isInstanceOf(DeployOutcome.Transient.class);
      assertThat(outcome.describe()).contains("signing-key", "not a readable OpenPGP secret key")
          .doesNotContain("ghp_").doesNotContain("bm90IGEga2V5");
      assertThat(fx.bare(SEED).tryRun("rev-parse", "--verify", "-q", "deploy/dev").exit()).isNotZero();
    }
  }

  private Path gpgHome(String name) throws Exception {
    Path home = tmp.resolve("gnupg-" + name);
    Files.createDirectories(home, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    return home;
  }

  private static String gpg(Path home, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--quiet"));
    cmd.addAll(List.of(args));
    CGit.Result result = CGit.exec(home, cmd);
    assertThat(result.exit()).as(String.join(" ", cmd) + ": " + result.output()).isZero();
    return result.output();
  }

  /** C git with gpg reading {@code home}: what a verifier with the public key does. */
  private static CGit.Result gitWithGpg(Path repository, Path home, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "gpg.program=gpg"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(repository.toFile()).redirectErrorStream(true);
    pb.environment().put("GNUPGHOME", home.toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return new CGit.Result(p.exitValue(), out);
  }

  private DeployOutcome deploy(WorkerFixture fx, SigningConfig signing) throws Exception {
    return deploy(fx, signing, tmp.resolve("data"));
  }

  private DeployOutcome deploy(WorkerFixture fx, SigningConfig signing, Path data) throws Exception {
    RepositoryConfig repository = fx.seed(SEED, List.of("dev"));
    SecretSource memory = ref -> secrets.containsKey(ref.name())
        ? new SecretSource.Found(SecretValue.of(secrets.get(ref.name())), "test memory")
        : new SecretSource.Absent("test memory");
    SecretResolver resolver = new SecretResolver(List.of(memory));
    PlatformFiles platforms = PlatformFiles.fromDisk(Map.of(
        "dev", new EnvironmentConfig("dev", fx.platforms.resolve("dev/platform.yaml"), Optional.empty())));
    try (WorkerService service = new WorkerService(new WorkerService.Wiring(data, List.of(repository),
        WorkerConfig.defaults().withSigning(signing), platforms, GitCredentials.none(), PolicyEngine.defaults(),
        WorkerFixture.CLOCK, new EnvironmentDeployer.Settings(1, a -> Duration.ZERO, d -> { }), Runnable::run,
        SshCommitSigner.from(Optional.of(signing), resolver, data)))) {
      return service.worker().handle(fx.push(SEED, "0".repeat(40), fx.head(SEED))).outcomes().get("dev");
    }
  }

  /** A new ed25519 key as ssh-keygen writes it; its private half becomes the secret, returns the public line. */
  private String keygen(String name, String passphrase) throws Exception {
    Path key = tmp.resolve("keys").resolve(name);
    Files.createDirectories(key.getParent());
    CGit.Result made = CGit.exec(tmp, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", name,
        "-f", key.toString()));
    assertThat(made.exit()).as(made.output()).isZero();
    secrets.put("signing-key", Files.readString(key));
    return Files.readString(key.resolveSibling(name + ".pub")).trim();
  }

  private Path allowedSigners(String publicKey) throws Exception {
    Path file = Files.createTempFile(tmp, "allowed-signers", "");
    Files.writeString(file, "floe-gitops@localhost namespaces=\"git\" " + publicKey + "\n");
    return file;
  }
}
