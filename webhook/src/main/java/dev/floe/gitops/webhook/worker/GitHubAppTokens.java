package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.GitHubAppConfig;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub App installation tokens for Git over HTTPS: a JWT signed with the App's key (RS256, valid ten minutes, issued a
 * minute in the past against clock drift) buys an installation token from
 * {@code POST <apiUrl>/app/installations/<id>/access_tokens}; the token is cached until five minutes before it expires.
 * Neither the key, the JWT nor the token ever appears in a message.
 */
public final class GitHubAppTokens {

  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private record Cached(String token, Instant expiresAt) {}

  private final HttpClient http;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public GitHubAppTokens(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** A valid installation token, minted when none is cached or the cached one is close to expiry. */
  public String token(GitHubAppConfig app, String privateKeyPem) throws IOException {
    String key = app.apiUrl() + "|" + app.appId() + "|" + app.installationId();
    Cached cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.expiresAt().minus(REFRESH_MARGIN))) {
      return cached.token();
    }
    Cached minted = mint(app, privateKeyPem, now);
    cache.put(key, minted);
    return minted.token();
  }

  private Cached mint(GitHubAppConfig app, String privateKeyPem, Instant now) throws IOException {
    String jwt = jwt(app.appId(), privateKey(privateKeyPem), now);
    String base = app.apiUrl().endsWith("/") ? app.apiUrl().substring(0, app.apiUrl().length() - 1) : app.apiUrl();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/app/installations/" + app.installationId() + "/access_tokens"))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + jwt)
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("failed to mint a GitHub App installation token: interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("failed to mint a GitHub App installation token for installation " + app.installationId()
          + ": HTTP " + response.statusCode());
    }
    try {
      JsonNode body = json.readTree(response.body());
      String token = body.path("token").asString("");
      String expires = body.path("expires_at").asString("");
      if (token.isEmpty() || expires.isEmpty()) {
        throw new IOException("failed to mint a GitHub App installation token: the answer has no token or expires_at");
      }
      return new Cached(token, Instant.parse(expires));
    } catch (RuntimeException e) {
      throw new IOException("failed to mint a GitHub App installation token: unreadable answer", e);
    }
  }

  static String jwt(String appId, PrivateKey key, Instant now) throws IOException {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    long iat = now.minusSeconds(60).getEpochSecond();
    long exp = now.plusSeconds(540).getEpochSecond();
    String payload = b64.encodeToString(("{\"iat\":" + iat + ",\"exp\":" + exp + ",\"iss\":\"" + appId.replace("\"", "")
        + "\"}").getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + b64.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IOException("failed to sign the GitHub App JWT: " + e.getClass().getSimpleName(), e);
    }
  }

  /** PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY", what GitHub hands out) PEM. */
  static PrivateKey privateKey(String pem) throws IOException {
    boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      if (pkcs1) {
        der = pkcs1ToPkcs8(der);
      }
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // the exception text could quote key material: only its type is kept
      throw new IOException("the GitHub App private key is not an RSA key in PEM form (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Wraps an RSAPrivateKey structure in a PrivateKeyInfo: version 0, rsaEncryption with NULL parameters. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(algorithm);
    body.write(0x04);
    body.writeBytes(derLength(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(derLength(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    if (length < 0x100) {
      return new byte[] {(byte) 0x81, (byte) length};
    }
    if (length < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
    return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
  }
}
