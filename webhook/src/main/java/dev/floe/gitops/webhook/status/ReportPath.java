package dev.floe.gitops.webhook.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The (repository, commit, environment) a report path names: {@code /reports/<owner>/<name>/<sha>/<env>}, each segment
 * encoded on its own ({@link ReportLinks#path}); the repository is every segment before the last two.
 */
public record ReportPath(String repository, String sha, String environment) {

  public static Optional<ReportPath> parse(String path) {
    if (path == null || !path.startsWith("/reports/")) {
      return Optional.empty();
    }
    List<String> segments = Arrays.stream(path.substring("/reports/".length()).split("/", -1))
        .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    if (segments.size() < 3 || segments.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    int n = segments.size();
    return Optional.of(new ReportPath(String.join("/", segments.subList(0, n - 2)), segments.get(n - 2),
        segments.get(n - 1)));
  }

  public String path() {
    return ReportLinks.path(repository, sha, environment);
  }
}
