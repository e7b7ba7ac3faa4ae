package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.GitHubAppConfig;
import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.webhook.git.GitAccess;
import dev.floe.gitops.webhook.git.SshAccess;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * HTTPS token credentials from secret references, resolved at each use so a rotated token is picked up. Fetch and
 * push may use different tokens (SPEC §4, Argo CD's commit-server: separate push and pull credentials). The token
 * never goes into a URL, so no message built from a URL can reveal it.
 */
public final class GitCredentials {

  private final SecretResolver resolver;
  private final GitHubAppTokens appTokens;

  public GitCredentials(SecretResolver resolver, GitHubAppTokens appTokens) {
    this.resolver = resolver;
    this.appTokens = appTokens;
  }

  /** No credentials at all (file:// and anonymous HTTP in tests). */
  public static GitCredentials none() {
    return new GitCredentials(null, null);
  }

  public GitAccess forFetch(RepositoryConfig repository) {
    return access(repository, repository.fetchToken());
  }

  public GitAccess forPush(RepositoryConfig repository) {
    return access(repository, repository.effectivePushToken());
  }

  private GitAccess access(RepositoryConfig repository, Optional<SecretRef> token) {
    if (resolver != null && repository.sshKey().isPresent() && SshAccess.isSsh(repository.url())) {
      String key = resolver.require(repository.sshKey().get()).expose();
      String knownHosts = repository.sshKnownHosts().map(r -> resolver.require(r).expose()).orElse("");
      return new GitAccess(null, sshFactory(repository.name(), key, knownHosts));
    }
    CredentialsProvider provider = provider(repository, token);
    return provider == null ? GitAccess.NONE : new GitAccess(provider, null);
  }

  private record CachedSsh(String fingerprint, org.eclipse.jgit.transport.SshSessionFactory factory) {}

  private final java.util.Map<String, CachedSsh> sshFactories = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile java.nio.file.Path sshHome;

  /** One session factory per repository, rebuilt only when its key or known hosts change (a rotated secret). */
  private org.eclipse.jgit.transport.SshSessionFactory sshFactory(String repository, String key, String knownHosts) {
    String fingerprint = sha256(key + "\u0000" + knownHosts);
    CachedSsh cached = sshFactories.get(repository);
    if (cached != null && cached.fingerprint().equals(fingerprint)) {
      return cached.factory();
    }
    CachedSsh fresh = new CachedSsh(fingerprint, SshAccess.sessionFactory(key, knownHosts, sshHome()));
    CachedSsh old = sshFactories.put(repository, fresh);
    if (old != null && old.factory() instanceof org.eclipse.jgit.transport.sshd.SshdSessionFactory sshd) {
      sshd.close();
    }
    return fresh.factory();
  }

  private synchronized java.nio.file.Path sshHome() {
    if (sshHome == null) {
      try {
        sshHome = java.nio.file.Files.createTempDirectory("floe-gitops-ssh");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return sshHome;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private CredentialsProvider provider(RepositoryConfig repository, Optional<SecretRef> ref) {
    if (resolver == null) {
      return null;
    }
    if (ref.isEmpty() && repository.githubApp().isPresent() && appTokens != null) {
      GitHubAppConfig app = repository.githubApp().get();
      try {
        String token = appTokens.token(app, resolver.require(app.privateKey()).expose());
        return new UsernamePasswordCredentialsProvider("x-access-token", token);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // the fetch step reports it as "failed to fetch …"
      }
    }
    if (ref.isEmpty()) {
      return null;
    }
    // require() names where it looked, never the value
    String token = resolver.require(ref.get()).expose();
    return new UsernamePasswordCredentialsProvider(userName(repository.provider()), token);
  }

  /** The user name each host expects alongside a token over HTTPS. */
  static String userName(GitProvider provider) {
    return switch (provider) {
      case GITHUB -> "x-access-token";
      case GITLAB -> "oauth2";
      case BITBUCKET -> "x-token-auth";
      case GITEA -> "floe-gitops"; // Gitea accepts any user name with a token as the password
    };
  }
}
