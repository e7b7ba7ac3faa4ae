package dev.floe.gitops.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** What a Git host and a kube-apiserver would send: a signed GitHub webhook and an AdmissionReview over HTTPS. */
final class DemoRequests {

  // HTTP/1.1: the demo talks to our own plain-HTTP servers, where an h2c upgrade buys nothing.
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private DemoRequests() {}

  /** A GitHub delivery signed as GitHub signs it: {@code X-Hub-Signature-256: sha256=HMAC-SHA256(secret, body)}. */
  static HttpResponse<String> gitHubDelivery(int port, String event, String deliveryId, String body, byte[] secret)
      throws IOException, InterruptedException, GeneralSecurityException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/github"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", event)
        .header("X-GitHub-Delivery", deliveryId)
        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A plain GET, as a browser opening a link would. */
  static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static String pushPayload(String repository, String ref, String before, String after) {
    return """
        {"ref":"%s","before":"%s","after":"%s","repository":{"full_name":"%s"}}"""
        .formatted(ref, before, after, repository);
  }

  static String pullRequestPayload(String repository, int number, String headRef, String headSha, String baseRef) {
    return """
        {"action":"opened","number":%d,"pull_request":{"head":{"ref":"%s","sha":"%s","repo":{"full_name":"%s"}},\
        "base":{"ref":"%s"}},"repository":{"full_name":"%s"}}"""
        .formatted(number, headRef, headSha, repository, baseRef, repository);
  }

  /** A format-valid, fake GitHub token made now: the demo ships no token-shaped string a scanner would flag. */
  static String fakeGitHubToken() {
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder("ghp_");
    for (int i = 0; i < 36; i++) {
      token.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return token.toString();
  }

  /** A CREATE of a Deployment passing a token on its command line, as {@code kubectl apply} would have it reviewed. */
  static String admissionReview(String uid, String token) {
    return """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"%s",
         "kind":{"group":"apps","version":"v1","kind":"Deployment"},
         "resource":{"group":"apps","version":"v1","resource":"deployments"},
         "name":"sales-sync","namespace":"sales","operation":"CREATE",
         "userInfo":{"username":"dana@example.com"},
         "object":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"sales-sync","namespace":"sales"},
          "spec":{"selector":{"matchLabels":{"app":"sales-sync"}},"template":{"metadata":{"labels":{"app":"sales-sync"}},
           "spec":{"containers":[{"name":"sync","image":"ghcr.io/acme/sync:1.0.0","args":["--token=%s"]}]}}}},
         "oldObject":null,"dryRun":false}}""".formatted(uid, token);
  }

  /** POSTs the review over HTTPS, trusting only the CA in {@code caBundle} (as the apiserver's caBundle does). */
  static HttpResponse<String> review(int port, Path caBundle, String review) throws IOException, InterruptedException,
      GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caBundle)) {
      int i = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, ca);
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/validate"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(review)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
