package dev.floe.gitops.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under test, driven by real Helm (helm-java runs Helm v3 in-process). */
final class HelmChart {

  static final String RELEASE = "floe-gitops";
  static final String NAMESPACE = "gitops-system";
  /** helm-java renders for Kubernetes 1.20 unless told; the chart needs 1.30 (matchConditions). */
  static final String KUBE_VERSION = "v1.32.0";

  private static final Path CHART_DIR = Path.of("floe-gitops").toAbsolutePath().normalize();

  private HelmChart() {}

  static Path dir() {
    if (!Files.isRegularFile(CHART_DIR.resolve("Chart.yaml"))) {
      throw new IllegalStateException("chart not found at " + CHART_DIR + " (tests run from the charts module folder)");
    }
    return CHART_DIR;
  }

  static LintResult lint() {
    return new Helm(dir()).lint().strict().call();
  }

  /**
   * Lints with a values file. helm-java's lint takes no values, so this lints a copy of the chart whose values.yaml is
   * the chart's defaults deep-merged with the file, which is what `helm lint -f file` checks.
   */
  static LintResult lint(Path valuesFile, Path scratch) {
    try {
      Path copy = scratch.resolve("floe-gitops");
      try (Stream<Path> files = Files.walk(dir())) {
        for (Path source : files.toList()) {
          Path target = copy.resolve(dir().relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target);
          }
        }
      }
      Map<String, Object> merged = merge(Rendered.yamlMap(Files.readString(dir().resolve("values.yaml"))),
          Rendered.yamlMap(Files.readString(valuesFile)));
      Files.writeString(copy.resolve("values.yaml"), Rendered.SERIALIZATION.asYaml(merged));
      return new Helm(copy).lint().strict().call();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    override.forEach((key, value) -> {
      if (value instanceof Map<?, ?> map && out.get(key) instanceof Map<?, ?> existing) {
        out.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
      } else {
        out.put(key, value);
      }
    });
    return out;
  }

  /** The CI value sets, charts/floe-gitops/ci/*.yaml, by file name. */
  static List<Path> ciValuesFiles() {
    try (Stream<Path> files = Files.list(dir().resolve("ci"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A file of the repository (the chart module's parent folder). */
  static Path repoFile(String relative) {
    return dir().getParent().getParent().resolve(relative);
  }

  static Path ciValues(String fileName) {
    return dir().resolve("ci").resolve(fileName);
  }

  /** Renders with an optional values file and --set pairs; a schema violation throws with Helm's message. */
  static Rendered template(Path valuesFile, Map<String, Object> sets) {
    return template(valuesFile, sets, Map.of());
  }

  /** As above, plus --set-file pairs (a value read from a file, e.g. a platform.yaml). */
  static Rendered template(Path valuesFile, Map<String, Object> sets, Map<String, Path> files) {
    TemplateCommand command = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
    if (valuesFile != null) {
      command = command.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      command = command.set(set.getKey(), set.getValue());
    }
    for (Map.Entry<String, Path> file : files.entrySet()) {
      command = command.setFile(file.getKey(), file.getValue());
    }
    return Rendered.parse(command.call());
  }

  static Rendered template(Path valuesFile) {
    return template(valuesFile, Map.of());
  }

  static Rendered template(Map<String, Object> sets) {
    return template(null, sets);
  }

  static Rendered defaults() {
    return template(null, Map.of());
  }

  /** Ordered --set pairs, for readable tests. */
  static Map<String, Object> sets(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
