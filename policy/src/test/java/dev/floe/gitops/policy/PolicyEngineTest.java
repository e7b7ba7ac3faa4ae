package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

  // Fake tokens built by concatenation, so no scanner flags this source file.
  static final String GH = "ghp_" + "FAKE" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY";
  static final String AKIA = "AKIA" + "QYLPMN5HFAKE2345";

  private final PolicyEngine engine = PolicyEngine.defaults();

  static Map<String, Object> env(String name, String value) {
    return Map.of("name", name, "value", value);
  }

  static Map<String, Object> podWith(String list, Object env) {
    return Map.of("kind", "Pod", "apiVersion", "v1", "spec", Map.of(list, List.of(Map.of("name", "c", "image", "x", "env", List.of(env)))));
  }

  ScanResult scan(Object tree) {
    return engine.scanTree(tree, ScanContext.files());
  }

  ScanResult scanYaml(String yaml) {
    return engine.scanText(yaml.getBytes(StandardCharsets.UTF_8), "in.yaml", ScanContext.files());
  }

  @ParameterizedTest
  @ValueSource(strings = {"containers", "initContainers", "ephemeralContainers"})
  void envValueUnderSecretNameIsFoundInEveryContainerList(String list) {
    ScanResult r = scan(podWith(list, env("DB_PASSWORD", "hunter2")));
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("secret-named-key");
      assertThat(f.path()).isEqualTo("spec." + list + "[0].env[0].value");
      assertThat(f.masked()).isEqualTo("*** (7 chars)");
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.remediation()).isNotBlank();
    });
  }

  @Test
  void tokenIsFoundInCronJobTemplateAndMaskedWithItsPrefix() {
    Object cron = Map.of("kind", "CronJob", "spec", Map.of("jobTemplate", Map.of("spec", Map.of("template", Map.of("spec",
        Map.of("containers", List.of(Map.of("name", "c", "args", List.of("run", "--gh-token=" + GH)))))))));
    assertThat(scan(cron).findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("github-pat");
      assertThat(f.path()).isEqualTo("spec.jobTemplate.spec.template.spec.containers[0].args[1]");
      assertThat(f.masked()).isEqualTo("ghp_*** (40 chars)");
    });
  }

  @Test
  void nothingPrintedOrThrownContainsTheRawValue() {
    String pw = "Sup3r-S3cret-Value!";
    ScanResult r = scanYaml("""
        apiVersion: v1
        kind: ConfigMap
        data:
          DB_PASSWORD: "%s"
          token: %s
        """.formatted(pw, GH));
    assertThat(r.findings()).hasSize(2);
    assertThat(r.toString()).doesNotContain(pw).doesNotContain(GH).doesNotContain(GH.substring(4));
    for (Finding f : r.findings()) {
      assertThat(f.toString()).doesNotContain(pw).doesNotContain(GH.substring(4));
      assertThat(f.masked()).doesNotContain(pw.substring(0, 3));
    }
    assertThat(r.findings().get(0).line()).isEqualTo(4);
    assertThat(r.findings().get(1).toString()).isEqualTo("in.yaml:5: github-pat at data.token (ghp_*** (40 chars))");
  }

  @Test
  void anEmbeddedDocumentRepeatedInOneScanIsReportedAtEachPlaceAndLine() {
    String props = "# padding so the value is long enough to be remembered by the session\n".repeat(4)
        + "db.url=jdbc:postgresql://db:5432/app\ndb.password=Zq9xK2mP4vR7tW1y\n";
    String indented = props.indent(4);
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  app.properties: |\n" + indented
        + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  extra: x\n  app.properties: |\n" + indented;
    ScanResult r = engine.scanText(yaml.getBytes(StandardCharsets.UTF_8), "in.yaml", ScanContext.files());
    assertThat(r.findings()).extracting(Finding::path, Finding::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("data[\"app.properties\"][\"db.password\"]", 12),
        org.assertj.core.groups.Tuple.tuple("data[\"app.properties\"][\"db.password\"]", 26));
  }

  @Test
  void configErrorsNameTheKeyButNotTheValue() {
    assertThatThrownBy(() -> PolicyConfig.fromMap(Map.of("customRules", List.of(Map.of("id", "x", "regex", "(hunter2", "keywords", List.of("h"))),
        "allowlist", Map.of("paths", List.of(Map.of("path", "a.b"))), "bogus", 1)))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageContaining("policy.customRules[0].regex")
        .hasMessageContaining("policy.allowlist.paths[0].reason: required")
        .hasMessageContaining("policy.bogus: unknown key");
    assertThatThrownBy(() -> PolicyConfig.fromMap(Map.of("allowlist", Map.of("hmacKey", "k",
        "values", List.of(Map.of("hmac", "zz-not-hex-hunter2", "reason", "r"))))))
        .hasMessageContaining("policy.allowlist.values[0].hmac")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(new PolicyConfig(java.util.Set.of(), List.of(), List.of(), List.of(), "top-secret-key").toString()).doesNotContain("top-secret-key");
  }

  @Test
  void secretManifestIsAFindingInFilesButAllowedAtAdmission() {
    String secret = """
        apiVersion: v1
        kind: Secret
        metadata: {name: db}
        data:
          password: aHVudGVyMg==
        """;
    byte[] b = secret.getBytes(StandardCharsets.UTF_8);
    assertThat(engine.scanText(b, "s.yaml", ScanContext.files()).findings())
        .extracting(Finding::ruleId, Finding::path).containsExactly(org.assertj.core.groups.Tuple.tuple("kubernetes-secret-manifest", "data.password"));
    assertThat(engine.scanText(b, "s.yaml", ScanContext.admission())).isInstanceOf(ScanResult.Clean.class);
    String sops = secret + "sops:\n  mac: ENC[AES256_GCM,data:x,iv:y,tag:z,type:str]\n  version: 3.9.1\n";
    assertThat(engine.scanText(sops.getBytes(StandardCharsets.UTF_8), "s.yaml", ScanContext.files())).isInstanceOf(ScanResult.Clean.class);
  }

  @Test
  void secretDataInsideAnotherObjectIsAFindingAtAdmission() {
    String lastApplied = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}";
    Object cm = Map.of("kind", "ConfigMap", "apiVersion", "v1", "metadata",
        Map.of("annotations", Map.of("kubectl.kubernetes.io/last-applied-configuration", lastApplied)));
    assertThat(engine.scanTree(cm, ScanContext.admission()).findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("kubernetes-secret-data-exposed");
      assertThat(f.path()).isEqualTo("metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"].data.password");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"${DB_PASSWORD}", "${DB_PASSWORD:-x}", "$(DB_PASSWORD)", "{{ env_var('DB_PASSWORD') }}", "$secret:db-password",
      "${file:/run/secrets/db:password}", "", "changeit", "changeme", "REDACTED", "<password>", "xxxxxxxx", "***", "your-token-here",
      "example", "/var/run/secrets/db/password", "db-credentials", "true", "3600", "https://db.acme.io:5432/app",
      "ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx8MP5mKJXm3n0Bq3ZX8R1J3V2Q5wV4r3X9c6Yk0Lw7 a@b"})
  void referencesPlaceholdersAndNonSecretsAreNotFindings(String value) {
    assertThat(scan(podWith("containers", env("DB_PASSWORD", value)))).isInstanceOf(ScanResult.Clean.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"password_min_length", "passwordPolicy", "tokenTTL", "token_endpoint", "SECRET_NAME", "secretName", "existingSecret",
      "DB_PASSWORD_FILE", "secret_backends", "mode", "imageDigest", "checksum/secret", "client_id", "tokenUrl"})
  void keysThatTalkAboutSecretsWithoutHoldingOneAreNotFindings(String key) {
    assertThat(scan(Map.of("config", Map.of(key, "Zq9-xK2-mP4-value")))).isInstanceOf(ScanResult.Clean.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DB_PASSWORD", "dbPassword", "db.password", "x-api-key", "API_KEY", "client_secret", "accessToken", "privateKey",
      "credentials", "passphrase", "AUTH_TOKEN", "secret"})
  void secretNamedKeysInAnySpellingAreFindings(String key) {
    assertThat(scan(Map.of("config", Map.of(key, "S3cr3t!x"))).findings()).extracting(Finding::ruleId).containsExactly("secret-named-key");
  }

  @Test
  void aHashUnderAPasswordKeyIsStillAFinding() {
    assertThat(scan(Map.of("admin", Map.of("password", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))).findings())
        .hasSize(1);
    assertThat(scan(Map.of("image", "nginx@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))).isInstanceOf(ScanResult.Clean.class);
  }

  @Test
  void atLeastFortyTokenFamiliesAndEveryRuleHasARemediation() {
    List<RuleDescriptor> rules = engine.rules();
    assertThat(rules.size()).isGreaterThanOrEqualTo(60);
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.remediation()).isNotBlank();
      assertThat(r.description()).isNotBlank();
    });
    assertThat(rules).extracting(RuleDescriptor::id).doesNotHaveDuplicates().contains("scan-budget-exceeded");
  }

  @Test
  void timeBudgetIsADistinctOutcomeWithoutSleeping() {
    AtomicLong clock = new AtomicLong();
    Budget budget = Budget.of(1 << 20, Duration.ofMillis(5), () -> clock.getAndAdd(1_000_000L));
    ScanResult r = engine.scanTree(Map.of("a", List.of("x", "y", "z", "w", "v", "u", "t", "s")), ScanContext.files().withBudget(budget));
    assertThat(r).isInstanceOf(ScanResult.BudgetExceeded.class);
    assertThat(((ScanResult.BudgetExceeded) r).reason()).contains("time budget");
  }

  @Test
  void aLongParseIsStoppedByTheTimeBudget() {
    AtomicLong clock = new AtomicLong();
    Budget budget = Budget.of(64L << 20, Duration.ofMillis(50), () -> clock.getAndAdd(10_000_000L));
    byte[] big = "a: b\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
    ScanResult r = engine.scanText(big, "big.yaml", ScanContext.files().withBudget(budget));
    assertThat(r).isInstanceOf(ScanResult.BudgetExceeded.class);
  }

  @Test
  void byteBudgetIsADistinctOutcome() {
    Budget budget = Budget.of(100, Duration.ofSeconds(10), System::nanoTime);
    Map<String, Object> tree = new java.util.LinkedHashMap<>();
    tree.put("DB_PASSWORD", "hunter2");
    tree.put("big", "a".repeat(500));
    ScanResult r = engine.scanTree(tree, ScanContext.files().withBudget(budget));
    assertThat(r).isInstanceOf(ScanResult.BudgetExceeded.class);
    assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("secret-named-key");
    assertThat(engine.scanText(new byte[200], "x", ScanContext.files().withBudget(budget))).isInstanceOf(ScanResult.BudgetExceeded.class);
  }

  @Test
  void allowlistByPathGlobAndByKeyedHashDisabledAndCustomRules() {
    String key = "allowlist-key";
    PolicyConfig cfg = PolicyConfig.fromMap(Map.of(
        "disabledRules", List.of("jwt"),
        "customRules", List.of(Map.of("id", "acme-internal-token", "regex", "(acme_[a-z0-9]{16})", "keywords", List.of("acme_"),
            "description", "ACME internal token")),
        "allowlist", Map.of("hmacKey", key,
            "paths", List.of(Map.of("path", "spec.**.env[*].value", "rule", "secret-named-key", "reason", "test fixtures")),
            "values", List.of(Map.of("hmac", PolicyConfig.hmacHex(key, AKIA), "reason", "AWS documentation example")))));
    PolicyEngine e = new PolicyEngine(cfg);
    assertThat(e.scanTree(podWith("containers", env("DB_PASSWORD", "hunter2")), ScanContext.files())).isInstanceOf(ScanResult.Clean.class);
    assertThat(e.scanTree(Map.of("k", AKIA), ScanContext.files())).isInstanceOf(ScanResult.Clean.class);
    assertThat(e.scanTree(Map.of("k", "AKIA" + "QYLPMN5HFAKE2346"), ScanContext.files()).findings()).extracting(Finding::ruleId)
        .containsExactly("aws-access-key-id");
    assertThat(e.scanTree(Map.of("note", "use acme_0123456789abcdef here"), ScanContext.files()).findings()).extracting(Finding::ruleId)
        .containsExactly("acme-internal-token");
    String jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJmYWtlLXVzZXIifQ" + ".c2lnbmF0dXJlLWZha2UtMTIzNDU2";
    assertThat(e.scanTree(Map.of("note", jwt), ScanContext.files())).isInstanceOf(ScanResult.Clean.class);
    assertThat(engine.scanTree(Map.of("note", jwt), ScanContext.files()).findings()).extracting(Finding::ruleId).containsExactly("jwt");
  }

  @Test
  void administratorsExemptObjectsByNamespaceAndNameWithAReason() {
    PolicyEngine e = new PolicyEngine(PolicyConfig.fromMap(Map.of("exemptions", List.of(
        Map.of("namespace", "sandbox-*", "rules", List.of("secret-named-key"), "reason", "throwaway demo namespaces, owner: platform"),
        Map.of("name", "legacy-billing", "reason", "migration ticket OPS-12")))));
    Object sandbox = Map.of("kind", "ConfigMap", "metadata", Map.of("namespace", "sandbox-7", "name", "x"), "data", Map.of("DB_PASSWORD", "hunter22"));
    Object prod = Map.of("kind", "ConfigMap", "metadata", Map.of("namespace", "prod", "name", "x"), "data", Map.of("DB_PASSWORD", "hunter22"));
    Object legacy = Map.of("kind", "ConfigMap", "metadata", Map.of("namespace", "prod", "name", "legacy-billing"), "data", Map.of("t", GH));
    Object sandboxToken = Map.of("kind", "ConfigMap", "metadata", Map.of("namespace", "sandbox-7", "name", "x"), "data", Map.of("t", GH));
    assertThat(e.scanTree(sandbox, ScanContext.admission())).isInstanceOf(ScanResult.Clean.class);
    assertThat(e.scanTree(prod, ScanContext.admission())).isInstanceOf(ScanResult.Findings.class);
    assertThat(e.scanTree(legacy, ScanContext.admission())).isInstanceOf(ScanResult.Clean.class);
    assertThat(e.scanTree(sandboxToken, ScanContext.admission())).isInstanceOf(ScanResult.Findings.class);
    assertThatThrownBy(() -> PolicyConfig.fromMap(Map.of("exemptions", List.of(Map.of("reason", "r")))))
        .hasMessageContaining("policy.exemptions[0]: needs a namespace or a name");
  }

  @Test
  void unparseableTextIsScannedLineByLine() {
    ScanResult r = engine.scanText(("key: [unclosed\nGITHUB_TOKEN: " + GH + "\npassword = hunter22\n").getBytes(StandardCharsets.UTF_8),
        "broken.yaml", ScanContext.files());
    assertThat(r.findings()).extracting(Finding::ruleId, Finding::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("github-pat", 2), org.assertj.core.groups.Tuple.tuple("secret-named-key", 3));
  }

  @Test
  void findingsInEmbeddedDocumentsPointAtTheirOwnLine() {
    ScanResult r = scanYaml("""
        apiVersion: v1
        kind: ConfigMap
        data:
          application.properties: |
            server.port=8080

            spring.datasource.password=t0pS3cret
          app.yaml: |
            db:
              host: x
              password: S3cr3t-Y4ml
          inline.json: '{"token": "T0k3n-v4lue-1"}'
        """);
    assertThat(r.findings()).extracting(Finding::path, Finding::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("data[\"application.properties\"][\"spring.datasource.password\"]", 7),
        org.assertj.core.groups.Tuple.tuple("data[\"app.yaml\"].db.password", 11),
        org.assertj.core.groups.Tuple.tuple("data[\"inline.json\"].token", 12));
  }

  @Test
  void commentedOutTokensAreFoundButCommentProseIsNot() {
    ScanResult r = scanYaml("apiVersion: v1\nkind: ConfigMap\n# old token: " + GH + "\n# the password lives in Vault: S3cr3t-not-here\ndata: {a: b}\n");
    assertThat(r.findings()).extracting(Finding::ruleId, Finding::line, Finding::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("github-pat", 3, "[\"#comment\"]"));
  }

  @Test
  void jsonTextWithTabsStillParses() {
    ScanResult r = engine.scanText("{\n\t\"db\": {\"password\": \"hunter22\"}\n}".getBytes(StandardCharsets.UTF_8), "a.json", ScanContext.files());
    assertThat(r.findings()).extracting(Finding::path).containsExactly("db.password");
  }

  @Test
  void nonKubernetesTreesAndScalarsAreWalkedToo() {
    assertThat(scan(List.of(List.of(Map.of("deep", Map.of("apiKey", "k3y-V4lue-99")))))).isInstanceOf(ScanResult.Findings.class);
    assertThat(scan(GH).findings()).extracting(Finding::path).containsExactly("");
    assertThat(scan(null)).isInstanceOf(ScanResult.Clean.class);
    assertThat(scan(Map.of("n", 12, "b", true, "d", 1.5))).isInstanceOf(ScanResult.Clean.class);
  }
}
