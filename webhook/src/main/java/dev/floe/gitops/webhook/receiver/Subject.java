package dev.floe.gitops.webhook.receiver;

import java.util.Optional;

/**
 * What the bounded pre-verification parse found: the repository's full name and, where the
 * payload says it separately, the organisation. Untrusted until a secret verified the delivery;
 * used only to choose the secret.
 */
public record Subject(Optional<String> repository, Optional<String> organization) {

  public static final Subject NONE = new Subject(Optional.empty(), Optional.empty());

  /**
   * The organisation whose secret may verify the delivery: the repository's owner when a
   * repository is named (so a payload cannot name one organisation and another's repository), else
   * the payload's organisation field.
   */
  public Optional<String> owner() {
    if (repository.isPresent()) {
      return ownerOf(repository.get());
    }
    return organization;
  }

  /** Everything before the last slash (GitLab subgroups included), or empty. */
  public static Optional<String> ownerOf(String fullName) {
    int slash = fullName.lastIndexOf('/');
    return slash <= 0 ? Optional.empty() : Optional.of(fullName.substring(0, slash));
  }
}
