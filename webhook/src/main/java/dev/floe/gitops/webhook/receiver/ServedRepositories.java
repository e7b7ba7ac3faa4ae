package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.config.OrganizationConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.event.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured repositories and organisations, looked up by provider and the host's full name,
 * case-insensitively (hosts treat names so). Only what is configured is ever served, and a
 * record's clone URL is always the configured one, never one from a payload.
 */
public final class ServedRepositories {

  private record Key(GitProvider provider, String name) {
    static Key of(GitProvider provider, String name) {
      return new Key(provider, name.toLowerCase(Locale.ROOT));
    }
  }

  /** One configuration's lookups; replaced whole, so a request sees either the old or the new. */
  private record Snapshot(Map<Key, RepositoryConfig> repositories,
      Map<Key, OrganizationConfig> organizations, List<RepositoryConfig> all, boolean local) {

    static Snapshot of(GitopsConfig config) {
      Map<Key, RepositoryConfig> repositories = new HashMap<>();
      Map<Key, OrganizationConfig> organizations = new HashMap<>();
      for (RepositoryConfig r : config.repositories()) {
        repositories.putIfAbsent(Key.of(r.provider(), r.name()), r);
      }
      for (OrganizationConfig o : config.organizations()) {
        organizations.putIfAbsent(Key.of(o.provider(), o.name()), o);
      }
      return new Snapshot(Map.copyOf(repositories), Map.copyOf(organizations),
          List.copyOf(config.repositories()), config.profile().isLocal());
    }
  }

  private volatile Snapshot snapshot;

  public ServedRepositories(GitopsConfig config) {
    this.snapshot = Snapshot.of(config);
  }

  /** Serves the repositories and organisations of a reloaded configuration from now on. */
  public void replace(GitopsConfig config) {
    this.snapshot = Snapshot.of(config);
  }

  static GitProvider gitProvider(Provider provider) {
    return GitProvider.valueOf(provider.name());
  }

  public Optional<RepositoryConfig> repository(Provider provider, String fullName) {
    return Optional.ofNullable(snapshot.repositories().get(Key.of(gitProvider(provider), fullName)));
  }

  public Optional<OrganizationConfig> organization(Provider provider, String name) {
    return Optional.ofNullable(snapshot.organizations().get(Key.of(gitProvider(provider), name)));
  }

  /** Every organisation entry of the provider: the candidates for an event naming no owner. */
  public List<OrganizationConfig> organizations(Provider provider) {
    GitProvider p = gitProvider(provider);
    return snapshot.organizations().values().stream().filter(o -> o.provider() == p).toList();
  }

  /** Profile {@code local} accepts unsigned deliveries for a repository that has no secret at all. */
  public boolean local() {
    return snapshot.local();
  }

  /**
   * True when {@code branch} (short name) of {@code repository} is a deploy branch: the deploy
   * branch of a target whose deploy repository is this repository's URL (by default every target
   * of the repository itself). Our own commits coming back are ignored (SPEC §2).
   */
  public boolean isDeployBranch(RepositoryConfig repository, String branch) {
    String url = repository.url();
    return snapshot.all().stream().flatMap(r -> r.deploy().stream())
        .anyMatch(t -> t.deployBranch().equals(branch) && t.deployRepository().equalsIgnoreCase(url));
  }
}
