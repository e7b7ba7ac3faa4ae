package dev.floe.gitops.webhook.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.secrets.SecretValue;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which secret applies, and what each refusal is, without HTTP. */
class AuthenticatorTest {

  private static final Map<String, String> SECRETS = Map.of("orders", "orders-token", "group", "group-token",
      "acme", "acme-secret");

  private static Authenticator authenticator(String yaml) {
    return new Authenticator(new ServedRepositories(ReceiverHarness.config(yaml)),
        ref -> Optional.ofNullable(SECRETS.get(ref.name())).map(SecretValue::of));
  }

  private static WebhookRequest gitlab(String project, String token) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (token != null) {
      headers.set("X-Gitlab-Token", token);
    }
    byte[] body = ("{\"project\":{\"path_with_namespace\":\"" + project + "\"}}").getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest(headers, body, "application/json");
  }

  private static Optional<String> verifiedRepository(Verification v) {
    assertThat(v).isInstanceOf(Verification.Verified.class);
    return ((Verification.Verified) v).repository().map(RepositoryConfig::name);
  }

  private static int refusal(Verification v) {
    assertThat(v).isInstanceOf(Verification.Refused.class);
    return ((Verification.Refused) v).problem().status();
  }

  @Test
  void aGitLabSubgroupIsCoveredByTheSecretOfItsOwnGroupPath() {
    Authenticator a = authenticator("""
        profile: production
        environments: {dev: {platform: p.yaml}}
        organizations: [{name: acme/data, provider: gitlab, webhookSecret: {secret_ref: group}}]
        repositories:
          - {name: acme/data/orders, provider: gitlab, url: https://gitlab.example.com/acme/data/orders.git, deploy: [{environment: dev, branch: main}]}
        """);
    GitLabAdapter adapter = new GitLabAdapter();
    assertThat(verifiedRepository(a.authenticate(adapter, gitlab("ACME/Data/Orders", "group-token"))))
        .contains("acme/data/orders");
    assertThat(refusal(a.authenticate(adapter, gitlab("acme/data/unserved", "group-token")))).isEqualTo(403);
    assertThat(refusal(a.authenticate(adapter, gitlab("acme/data/orders", "wrong")))).isEqualTo(401);
    assertThat(refusal(a.authenticate(adapter, gitlab("other/orders", "group-token")))).isEqualTo(401);
  }

  @Test
  void anEventNamingNoRepositoryIsVerifiedOnlyByAnOrganisationSecret() {
    Authenticator a = authenticator("""
        profile: production
        environments: {dev: {platform: p.yaml}}
        organizations: [{name: acme/data, provider: gitlab, webhookSecret: {secret_ref: group}}]
        repositories:
          - {name: acme/data/orders, provider: gitlab, url: https://gitlab.example.com/acme/data/orders.git, webhookSecret: {secret_ref: orders}, deploy: [{environment: dev, branch: main}]}
        """);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("X-Gitlab-Token", "group-token");
    WebhookRequest noName = new WebhookRequest(headers, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
    assertThat(verifiedRepository(a.authenticate(new GitLabAdapter(), noName))).isEmpty();
    headers.set("X-Gitlab-Token", "orders-token");
    assertThat(refusal(a.authenticate(new GitLabAdapter(), noName))).isEqualTo(401);
  }

  @Test
  void theLocalProfileAcceptsUnsignedDeliveriesOnlyForAServedRepositoryWithoutAnySecret() {
    Authenticator a = authenticator("""
        profile: local
        environments: {dev: {platform: p.yaml}}
        repositories:
          - {name: acme/demo, provider: gitlab, url: https://gitlab.example.com/acme/demo.git, deploy: [{environment: dev, branch: main}]}
          - {name: acme/data/orders, provider: gitlab, url: https://gitlab.example.com/acme/data/orders.git, webhookSecret: {secret_ref: orders}, deploy: [{environment: dev, branch: main}]}
        """);
    GitLabAdapter adapter = new GitLabAdapter();
    assertThat(verifiedRepository(a.authenticate(adapter, gitlab("acme/demo", null)))).contains("acme/demo");
    assertThat(refusal(a.authenticate(adapter, gitlab("acme/data/orders", null)))).isEqualTo(401);
    assertThat(refusal(a.authenticate(adapter, gitlab("acme/unknown", null)))).isEqualTo(401);
  }

  @Test
  void aSecretThatDoesNotResolveVerifiesNothing() {
    Authenticator a = authenticator("""
        profile: production
        environments: {dev: {platform: p.yaml}}
        repositories:
          - {name: acme/x, provider: gitlab, url: https://gitlab.example.com/acme/x.git, webhookSecret: {secret_ref: not-there}, deploy: [{environment: dev, branch: main}]}
        """);
    assertThat(refusal(a.authenticate(new GitLabAdapter(), gitlab("acme/x", "")))).isEqualTo(401);
    assertThat(refusal(a.authenticate(new GitLabAdapter(), gitlab("acme/x", "anything")))).isEqualTo(401);
  }
}
