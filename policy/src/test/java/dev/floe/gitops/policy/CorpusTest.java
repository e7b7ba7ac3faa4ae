package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpus: every positive case declares the rule and path it expects
 * ({@code # expect: rule at path} headers, or a {@code .expect} sidecar for JSON); every negative
 * case must produce no finding at all. Prints recall and false-positive rate.
 */
class CorpusTest {

  private final PolicyEngine engine = PolicyEngine.defaults();

  record Expectation(String rule, String path) {}

  @Test
  void recallAndFalsePositives() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/corpus").toURI());
    List<Path> positives = cases(root.resolve("positive"));
    List<Path> negatives = cases(root.resolve("negative"));

    int expected = 0;
    int hit = 0;
    List<String> misses = new ArrayList<>();
    for (Path p : positives) {
      List<String> header = header(p);
      ScanContext ctx = header.contains("mode: admission") ? ScanContext.admission() : ScanContext.files();
      List<Expectation> exp = header.stream().filter(l -> l.startsWith("expect: ")).map(l -> {
        String body = l.substring("expect: ".length());
        int at = body.indexOf(" at ");
        return new Expectation(body.substring(0, at).strip(), body.substring(at + 4).strip());
      }).toList();
      assertThat(exp).as("%s declares what it expects", p.getFileName()).isNotEmpty();
      ScanResult r = engine.scanText(Files.readAllBytes(p), p.getFileName().toString(), ctx);
      for (Expectation e : exp) {
        expected++;
        boolean found = r.findings().stream().anyMatch(f -> f.ruleId().equals(e.rule()) && f.path().equals(e.path()));
        if (found) {
          hit++;
        } else {
          misses.add(p.getFileName() + ": expected " + e.rule() + " at " + e.path() + ", got " + r.findings());
        }
      }
    }
    int fp = 0;
    List<String> fps = new ArrayList<>();
    for (Path p : negatives) {
      ScanContext ctx = header(p).contains("mode: admission") ? ScanContext.admission() : ScanContext.files();
      ScanResult r = engine.scanText(Files.readAllBytes(p), p.getFileName().toString(), ctx);
      if (!(r instanceof ScanResult.Clean)) {
        fp++;
        fps.add(p.getFileName() + ": " + r);
      }
    }
    double recall = expected == 0 ? 0 : (double) hit / expected;
    double fpRate = negatives.isEmpty() ? 0 : (double) fp / negatives.size();
    System.out.printf("corpus: %d positive cases (%d expectations), %d negative cases%n", positives.size(), expected, negatives.size());
    System.out.printf("corpus: recall %.2f%% (%d/%d), false-positive rate %.2f%% (%d/%d)%n",
        recall * 100, hit, expected, fpRate * 100, fp, negatives.size());
    misses.forEach(m -> System.out.println("MISS " + m));
    fps.forEach(m -> System.out.println("FALSE POSITIVE " + m));
    assertThat(positives.size()).isGreaterThanOrEqualTo(150);
    assertThat(negatives.size()).isGreaterThanOrEqualTo(150);
    assertThat(recall).as("recall; misses: %s", misses).isGreaterThanOrEqualTo(0.99);
    assertThat(fps).as("false positives").isEmpty();
  }

  private static List<Path> cases(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".expect")).sorted().toList();
    }
  }

  /** Header lines without the comment marker: from {@code # } lines at the top, or from the sidecar. */
  private static List<String> header(Path p) throws IOException {
    Path sidecar = p.resolveSibling(p.getFileName() + ".expect");
    if (Files.exists(sidecar)) {
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(sidecar, StandardCharsets.UTF_8)) {
        if (l.isBlank()) {
          continue;
        }
        out.add(l.startsWith("mode:") ? l.strip() : "expect: " + l.strip());
      }
      return out;
    }
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (!l.startsWith("# ")) {
        break;
      }
      out.add(l.substring(2).strip());
    }
    return out;
  }
}
