package dev.floe.gitops.cli;

import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.policy.PolicyConfig;
import dev.floe.gitops.policy.PolicyConfigException;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.policy.RuleDescriptor;
import dev.floe.gitops.policy.ScanContext;
import dev.floe.gitops.policy.ScanResult;
import dev.floe.gitops.policy.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code floe-gitops scan}: the policy engine over files, directories and stdin. Exit 0 when clean,
 * 1 with findings (a scan over budget counts as one), 2 on usage or I/O errors.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Scan YAML/JSON/.env/properties files for inline secrets. Exit 0 clean, 1 findings, 2 usage or I/O error.")
public final class ScanCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Format {
    text,
    json,
    sarif
  }

  @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--config", paramLabel = "FILE", description = "floe-gitops.yaml whose policy: section configures the rules.")
  Path config;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (recursively); '-' reads stdin.")
  List<String> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** stdin, replaceable in tests. */
  InputStream stdin = System.in;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicyEngine engine;
    try {
      engine = new PolicyEngine(config == null ? PolicyConfig.defaults() : ScanConfigFile.read(config));
    } catch (IOException e) {
      err.println("floe-gitops scan: cannot read config " + config + ": " + describe(e));
      return 2;
    } catch (PolicyConfigException e) {
      err.println("floe-gitops scan: invalid config " + config + ": " + e.getMessage());
      return 2;
    }
    List<Finding> findings = new ArrayList<>();
    try {
      for (String p : paths) {
        if (p.equals("-")) {
          findings.addAll(scanOne(engine, stdin.readAllBytes(), "<stdin>"));
        } else {
          Path path = Path.of(p);
          if (!Files.exists(path)) {
            err.println("floe-gitops scan: " + p + ": no such file or directory");
            return 2;
          }
          for (Path f : files(path)) {
            findings.addAll(scanOne(engine, Files.readAllBytes(f), display(f)));
          }
        }
      }
    } catch (PathIOException e) {
      err.println("floe-gitops scan: " + e.path + ": " + describe(e.getCause()));
      return 2;
    } catch (IOException e) {
      err.println("floe-gitops scan: " + describe(e));
      return 2;
    }
    switch (format) {
      case text -> ScanReports.text(findings, out);
      case json -> ScanReports.json(findings, out);
      case sarif -> ScanReports.sarif(findings, engine.rules(), out);
    }
    out.flush();
    return findings.isEmpty() ? 0 : 1;
  }

  private static List<Finding> scanOne(PolicyEngine engine, byte[] content, String name) {
    ScanResult r = engine.scanText(content, name, ScanContext.files());
    if (r instanceof ScanResult.BudgetExceeded b) {
      List<Finding> all = new ArrayList<>(b.findingsSoFar());
      all.add(new Finding(RuleDescriptor.BUDGET_EXCEEDED, "", name, 0, "(" + b.reason() + ")", Severity.HIGH,
          "Split the file or scan it with a larger budget; an input that cannot be scanned is not accepted as clean."));
      return all;
    }
    return r.findings();
  }

  private static final List<String> SKIP_DIRS = List.of(".git", "target", "node_modules");

  /** Files under a directory, sorted for stable output; a file given by name is scanned whatever its type. */
  private static List<Path> files(Path root) throws PathIOException {
    if (!Files.isDirectory(root)) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !skipped(root, p)).filter(Files::isRegularFile).filter(ScanCommand::scannable).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new PathIOException(root.toString(), e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e);
    }
  }

  private static boolean skipped(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (SKIP_DIRS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /** Formats the engine reads: YAML, JSON and the line formats (the engine falls back to lines for the rest). */
  static boolean scannable(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".env") || n.startsWith(".env")
        || n.endsWith(".properties") || n.endsWith(".ini") || n.endsWith(".cfg") || n.endsWith(".conf") || n.endsWith(".toml")
        || n.equals(".npmrc") || n.equals("credentials") || n.endsWith(".tfvars") || n.equals("kubeconfig");
  }

  private static String display(Path p) {
    return p.toString().replace('\\', '/');
  }

  private static String describe(Throwable e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** An I/O failure that remembers the path it concerns, so the message can name it. */
  static final class PathIOException extends IOException {
    private static final long serialVersionUID = 1L;
    final String path;

    PathIOException(String path, IOException cause) {
      super(path, cause);
      this.path = path;
    }
  }
}
