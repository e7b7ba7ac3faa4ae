package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Small documents, one per behaviour: the rule (or none) each must produce. Tokens are built by concatenation. */
class RuleExamplesTest {

  private final PolicyEngine engine = PolicyEngine.defaults();

  static Stream<Arguments> positives() {
    String awsSecret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    return Stream.of(
        Arguments.of("env.yaml", "env:\n- name: AWS_SECRET_ACCESS_KEY\n  value: " + awsSecret + "\n", "aws-secret-access-key"),
        Arguments.of("k.yaml", "id: AKIA" + "IOSFODNN7EXAMPLE\n", "aws-access-key-id"),
        Arguments.of("mysql.yaml", "command: [sh, -c, 'mysql -uroot -pS3cr3tPw db < dump.sql']\n", "secret-in-command-line"),
        Arguments.of("redis.yaml", "args: [redis-cli, -h, redis, -a, R3d1sPw, ping]\n", "secret-in-command-line"),
        Arguments.of("login.yaml", "script: docker login -u ci -p D0ckerPw99 registry.acme.io\n", "secret-in-command-line"),
        Arguments.of("slashes.yaml", "s3:\n  secretKey: wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYzKEYq8\n", "secret-named-key"),
        Arguments.of("minio.yaml", "minio:\n  secretKey: minio123\n", "secret-named-key"),
        Arguments.of("pw.yaml", "binaryData:\n  password.txt: aHVudGVyMg==\n", "secret-named-key"),
        Arguments.of("vars.tfvars", "region = \"eu-west-1\"\ndb_password = \"Tf-Pa55word\"\n", "secret-named-key"),
        Arguments.of("Dockerfile", "FROM alpine\nENV API_TOKEN=9f8e7d6c5b4a\n", "secret-named-key"),
        Arguments.of("netrc.yaml", "data:\n  .netrc: |\n    machine github.com login bot password N3trcPw!\n", "secret-named-key"),
        Arguments.of("hdr.yaml", "httpHeaders:\n- name: X-Auth-Token\n  value: abc123def456\n", "secret-named-key"),
        Arguments.of("short.yaml", "db:\n  password: pa55\n", "secret-named-key"),
        Arguments.of("git.yaml", "repo: https://oauth2:s3cretT0ken@gitlab.acme.io/x/y.git\n", "url-credentials"),
        Arguments.of("jdbc.yaml", "url: jdbc:postgresql://db/app?user=app&password=Pg!pw-1\n", "connection-string-password"),
        Arguments.of("sa.json", "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n"
            + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n\"}", "gcp-service-account-key"),
        Arguments.of("slack.yaml", "webhook: https://hooks.slack.com/services/T0FAKE000/B0FAKE000/" + "abcdefghijklmnopqrstuvwx\n", "slack-webhook"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("positives")
  void finds(String file, String content, String rule) {
    ScanResult r = engine.scanText(content.getBytes(StandardCharsets.UTF_8), file, ScanContext.files());
    assertThat(r.findings()).extracting(Finding::ruleId).contains(rule);
  }

  static Stream<Arguments> negatives() {
    return Stream.of(
        Arguments.of("secret.yaml", "volumes:\n- secret:\n    secretName: tls\n  name: certs\nsecret: mysecret\ntoken: bearer\n"),
        Arguments.of("auth.yaml", "auth: basic\ncredentials: static\nsecrets: [db-creds, api-token]\n"),
        Arguments.of("ports.yaml", "args: [-p, '8080:80', -a, all]\n"),
        Arguments.of("markers.yaml", "a:\n  password: '@@DB_PASSWORD@@'\n  token: __API_TOKEN__\n  secret: '#{ClientSecret}#'\n  apiKey: '%API_KEY%'\n"
            + "  adminPassword: not set\n  masterKey: projects/acme/locations/global/keyRings/prod/cryptoKeys/sops\n"),
        Arguments.of("lua.yaml", "data:\n  filter.lua: |\n    local token = request_handle:headers():get(\"authorization\")\n"
            + "    local password = ngx.var.arg_password\n    secret = os.environ['APP_SECRET']\n"),
        Arguments.of("js.yaml", "data:\n  config.js: |\n    module.exports = {\n      password: process.env.DB_PASSWORD,\n      apiKey: getApiKey(),\n    };\n"),
        Arguments.of("docker.yaml", "script: docker run -d -p 8080:80 --name web nginx && podman run -p 9090:9090 prom/prometheus\n"),
        Arguments.of("cipher.yaml", "spring:\n  password: '{cipher}AQB8f9a7b6c5d4e3f2a1'\n  token: ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)\n"),
        Arguments.of("jvm.yaml", "env:\n- name: JAVA_OPTS\n  value: -Xmx512m -Djavax.net.ssl.trustStorePassword=changeit -Dspring.profiles.active=prod\n"),
        Arguments.of("gitlab-ci.yaml", "build:\n  script:\n    - docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY\n"),
        Arguments.of("mysql.yaml", "command: [sh, -c, 'mysql -uroot -p\"$MYSQL_ROOT_PASSWORD\" -e \"select 1\"']\n"),
        Arguments.of("sentry.yaml", "dsn: https://0123456789abcdef0123456789abcdef@o123.ingest.sentry.io/456\n"),
        Arguments.of("main.tf", "variable \"db_password\" {\n  type      = string\n  sensitive = true\n}\npassword = var.db_password\n"));
  }

  @ParameterizedTest(name = "{0} is clean")
  @MethodSource("negatives")
  void doesNotFind(String file, String content) {
    ScanResult r = engine.scanText(content.getBytes(StandardCharsets.UTF_8), file, ScanContext.files());
    assertThat(r.findings()).isEmpty();
  }
}
