package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.floe.gitops.runtime.config.GitHubAppConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub App installation tokens against a fake API that checks the JWT's RS256 signature. */
class GitHubAppTokensTest {

  KeyPair keys;
  HttpServer api;
  AtomicInteger mints = new AtomicInteger();
  AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T05:00:00Z"));
  Clock clock = new Clock() {
    public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    public Clock withZone(java.time.ZoneId zone) { return this; }
    public Instant instant() { return now.get(); }
  };

  @BeforeEach
  void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/app/installations/42/access_tokens", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      boolean valid = exchange.getRequestMethod().equals("POST") && auth != null && auth.startsWith("Bearer ") && verify(auth.substring(7));
      byte[] body = valid
          ? ("{\"token\":\"ghs_minted" + mints.incrementAndGet() + "\",\"expires_at\":\"" + now.get().plus(Duration.ofHours(1)) + "\"}")
              .getBytes(StandardCharsets.UTF_8)
          : "{\"message\":\"A JSON web token could not be decoded\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(valid ? 201 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.start();
  }

  @AfterEach
  void stop() {
    api.stop(0);
  }

  private boolean verify(String jwt) {
    try {
      String[] parts = jwt.split("\\.");
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(keys.getPublic());
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return rs256.verify(Base64.getUrlDecoder().decode(parts[2])) && payload.contains("\"iss\":\"1234\"");
    } catch (Exception e) {
      return false;
    }
  }

  private GitHubAppConfig app() {
    return new GitHubAppConfig("1234", "42", new SecretRef("app-key"), "http://127.0.0.1:" + api.getAddress().getPort() + "/");
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  @Test
  void mintsCachesAndRefreshesInstallationTokens() throws IOException {
    GitHubAppTokens tokens = new GitHubAppTokens(HttpClient.newHttpClient(), clock);
    String pkcs8 = pem("PRIVATE KEY", keys.getPrivate().getEncoded());

    assertThat(tokens.token(app(), pkcs8)).isEqualTo("ghs_minted1");
    now.set(now.get().plus(Duration.ofMinutes(50)));
    assertThat(tokens.token(app(), pkcs8)).isEqualTo("ghs_minted1"); // still ten minutes left
    now.set(now.get().plus(Duration.ofMinutes(6)));
    assertThat(tokens.token(app(), pkcs8)).isEqualTo("ghs_minted2"); // within five minutes of expiry
  }

  @Test
  void readsThePkcs1KeysGitHubHandsOut() throws IOException {
    byte[] pkcs8 = keys.getPrivate().getEncoded();
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length); // PrivateKeyInfo's fixed prefix for RSA-2048
    assertThat(GitHubAppTokens.pkcs1ToPkcs8(pkcs1)).isEqualTo(pkcs8);
    GitHubAppTokens tokens = new GitHubAppTokens(HttpClient.newHttpClient(), clock);
    assertThat(tokens.token(app(), pem("RSA PRIVATE KEY", pkcs1))).startsWith("ghs_minted");
  }

  @Test
  void aRefusedOrUnreadableKeyFailsWithoutEchoingSecrets() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String otherKey = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
    GitHubAppTokens tokens = new GitHubAppTokens(HttpClient.newHttpClient(), clock);

    assertThatThrownBy(() -> tokens.token(app(), otherKey)).isInstanceOf(IOException.class)
        .hasMessage("failed to mint a GitHub App installation token for installation 42: HTTP 401");
    assertThatThrownBy(() -> tokens.token(app(), "-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----"))
        .isInstanceOf(IOException.class).hasMessageNotContaining("not-a-key");
  }
}
