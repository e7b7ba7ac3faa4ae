package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {

  // Built by concatenation: a fake token, never issued, that no scanner flags in this source file.
  static final String GH = "ghp_" + "FAKE" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY";

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  Run run(InputStream stdin, String... args) {
    CommandLine cl = FloeGitops.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    ScanCommand scan = cl.getSubcommands().get("scan").getCommand();
    scan.stdin = stdin;
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Run run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void cleanTreeExitsZero() throws Exception {
    write("deploy/app.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  DB_PASSWORD: ${DB_PASSWORD}\n");
    Run r = run("scan", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no inline secrets found");
  }

  @Test
  void findingsExitOneAndNeverPrintTheValue() throws Exception {
    write("a.yaml", "env:\n  - name: DB_PASSWORD\n    value: hunter2\n---\ntoken: " + GH + "\n");
    write(".git/config.yaml", "password: hunter2\n");
    write("target/x.yaml", "password: hunter2\n");
    write("node_modules/y.yaml", "password: hunter2\n");
    Run r = run("scan", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("a.yaml:3: secret-named-key at env[0].value (*** (7 chars))")
        .contains("a.yaml:5: github-pat at token (ghp_*** (40 chars))")
        .contains("2 finding(s)")
        .doesNotContain("hunter2").doesNotContain(GH.substring(4));
  }

  @Test
  void jsonFormat() throws Exception {
    Path f = write("s.yaml", "password: hunter22\n");
    Run r = run("scan", "--format", "json", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    JsonNode n = new ObjectMapper().readTree(r.out());
    JsonNode first = n.get("findings").get(0);
    assertThat(first.get("file").asText()).endsWith("s.yaml");
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.get("path").asText()).isEqualTo("password");
    assertThat(first.get("rule").asText()).isEqualTo("secret-named-key");
    assertThat(first.get("masked").asText()).isEqualTo("*** (8 chars)");
    assertThat(first.get("remediation").asText()).isNotBlank();
    assertThat(r.out()).doesNotContain("hunter22");
  }

  @Test
  void stdinIsReportedAsStdin() {
    Run r = run(new ByteArrayInputStream(("{\"token\": \"" + GH + "\"}").getBytes(StandardCharsets.UTF_8)), "scan", "--format", "json", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("\"file\" : \"<stdin>\"").contains("github-pat");
  }

  @Test
  void sarifIsValidAgainstTheSarif210SchemaAndUsesPolicyRuleIds() throws Exception {
    write("m.yaml", "apiVersion: v1\nkind: Secret\ndata:\n  password: aHVudGVyMg==\n---\nurl: postgres://app:Pg4ppPass@db:5432/app\n");
    Run r = run("scan", "--format", "sarif", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    ObjectMapper om = new ObjectMapper();
    JsonNode sarif = om.readTree(r.out());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif-schema-2.1.0-subset.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertThat(errors).isEmpty();
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.get("results")).hasSize(2);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    for (JsonNode res : run.get("results")) {
      int idx = res.get("ruleIndex").asInt();
      assertThat(rules.get(idx).get("id").asText()).isEqualTo(res.get("ruleId").asText());
    }
    assertThat(run.get("results").findValuesAsText("ruleId")).containsExactly("kubernetes-secret-manifest", "url-credentials");
    assertThat(r.out()).doesNotContain("Pg4ppPass");
    // the schema does reject what SARIF forbids
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif).put("version", "2.0.0");
    assertThat(schema.validate(sarif)).isNotEmpty();
  }

  @Test
  void missingPathIsAnIoErrorNamingThePath() {
    Run r = run("scan", dir.resolve("nope.yaml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("scan").exit()).isEqualTo(2);
    assertThat(run("scan", "--format", "xml", "x").exit()).isEqualTo(2);
  }

  @Test
  void configDisablesRulesAndBadConfigNamesTheKey() throws Exception {
    Path f = write("s.yaml", "password: hunter22\n");
    Path cfg = write("floe-gitops.yaml", "profile: local\npolicy:\n  disabledRules: [secret-named-key]\n");
    assertThat(run("scan", "--config", cfg.toString(), f.toString()).exit()).isZero();
    Path bad = write("bad.yaml", "policy:\n  allowlist:\n    paths:\n      - path: 'a.*'\n");
    Run r = run("scan", "--config", bad.toString(), f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("policy.allowlist.paths[0].reason");
    Run missing = run("scan", "--config", dir.resolve("none.yaml").toString(), f.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("none.yaml");
  }
}
