package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.GitHubAppConfig;
import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretResolver;
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

  public CredentialsProvider forFetch(RepositoryConfig repository) {
    return provider(repository, repository.fetchToken());
  }

  public CredentialsProvider forPush(RepositoryConfig repository) {
    return provider(repository, repository.effectivePushToken());
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
