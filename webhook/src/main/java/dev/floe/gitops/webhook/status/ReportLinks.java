package dev.floe.gitops.webhook.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code target_url} of a status: {@code <publicUrl>/reports/<repository>/<sha>/<environment>?expires=…&token=…}.
 * Without a public URL or a signing key there is no link (the status still posts).
 */
public final class ReportLinks {

  private final Optional<String> publicUrl;
  private final Optional<LinkSigner> signer;

  public ReportLinks(Optional<String> publicUrl, Optional<LinkSigner> signer) {
    this.publicUrl = publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    this.signer = signer;
  }

  public static ReportLinks none() {
    return new ReportLinks(Optional.empty(), Optional.empty());
  }

  public static String path(String repository, String sha, String environment) {
    // the repository keeps its slash (owner/name are two segments); each segment is encoded on its own
    StringBuilder p = new StringBuilder("/reports");
    for (String segment : repository.split("/")) {
      p.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
    }
    return p.append('/').append(URLEncoder.encode(sha, StandardCharsets.UTF_8)).append('/')
        .append(URLEncoder.encode(environment, StandardCharsets.UTF_8)).toString();
  }

  public Optional<String> link(String repository, String sha, String environment) {
    if (publicUrl.isEmpty() || signer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(publicUrl.get() + signer.get().sign(path(repository, sha, environment)));
  }
}
