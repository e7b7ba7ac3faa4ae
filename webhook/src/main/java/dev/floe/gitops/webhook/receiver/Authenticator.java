package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.config.OrganizationConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.http.HttpProblem;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * SPEC §2's order after the content type: the bounded name read → the signature (401 when
 * missing, wrong, or when no secret applies, all alike so outsiders cannot probe what is served) →
 * 403 for a repository that is not served although its organisation's secret verified it. Blocking
 * (secret lookups, HMAC over the body): run it off the event loop.
 */
public final class Authenticator {

  static final String NOT_VERIFIED = "signature does not match";

  private final ServedRepositories served;
  private final Function<SecretRef, Optional<SecretValue>> secrets;

  /** {@code secrets}: resolves a reference at the time of the request (rotation is honoured). */
  public Authenticator(ServedRepositories served,
      Function<SecretRef, Optional<SecretValue>> secrets) {
    this.served = served;
    this.secrets = secrets;
  }

  public Verification authenticate(ProviderAdapter adapter, WebhookRequest request) {
    Subject subject = adapter.subject(request);
    Optional<RepositoryConfig> repository =
        subject.repository().flatMap(name -> served.repository(adapter.provider(), name));
    List<SecretRef> repositorySecrets = new ArrayList<>();
    repository.flatMap(RepositoryConfig::webhookSecret).ifPresent(repositorySecrets::add);
    List<OrganizationConfig> organizations = organizationsFor(adapter, subject);

    SignatureHeader header = adapter.signature(request);
    if (repository.isPresent() && repositorySecrets.isEmpty() && organizations.isEmpty()
        && served.local()) {
      // Profile local only (ConfigValidator refuses a repository without a secret elsewhere).
      return new Verification.Verified(repository);
    }
    if (header instanceof SignatureHeader.Absent absent) {
      return refused("missing " + absent.expectedHeader() + " header");
    }
    if (header instanceof SignatureHeader.Unsupported unsupported) {
      return refused(unsupported.reason());
    }
    SignatureHeader.Present presented = (SignatureHeader.Present) header;
    for (SecretRef ref : repositorySecrets) {
      if (matches(adapter, request, presented, ref)) {
        return new Verification.Verified(repository);
      }
    }
    for (OrganizationConfig organization : organizations) {
      if (matches(adapter, request, presented, organization.webhookSecret())) {
        return byOrganization(subject, repository, organization);
      }
    }
    return refused(NOT_VERIFIED);
  }

  /** The organisation secrets that may apply: the owner's, or every one when no owner is named. */
  private List<OrganizationConfig> organizationsFor(ProviderAdapter adapter, Subject subject) {
    Optional<String> owner = subject.owner();
    if (owner.isPresent()) {
      return served.organization(adapter.provider(), owner.get()).map(List::of).orElse(List.of());
    }
    return subject.repository().isPresent() ? List.of() : served.organizations(adapter.provider());
  }

  private static Verification byOrganization(Subject subject, Optional<RepositoryConfig> repository,
      OrganizationConfig organization) {
    if (subject.repository().isEmpty()) {
      return new Verification.Verified(Optional.empty()); // an organisation-level event
    }
    boolean ownRepository = repository.isPresent()
        && repository.get().owner().toLowerCase(Locale.ROOT)
            .equals(organization.name().toLowerCase(Locale.ROOT));
    if (!ownRepository) {
      return new Verification.Refused(HttpProblem.forbidden("repository is not served"));
    }
    return new Verification.Verified(repository);
  }

  private boolean matches(ProviderAdapter adapter, WebhookRequest request,
      SignatureHeader.Present presented, SecretRef ref) {
    return secrets.apply(ref).filter(s -> adapter.verify(request, presented, s)).isPresent();
  }

  private static Verification refused(String message) {
    return new Verification.Refused(HttpProblem.unauthorized(message));
  }
}
