package dev.floe.gitops.bench;

import dev.floe.gitops.compiler.CompileRequest;
import dev.floe.gitops.compiler.CompileResult;
import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.FloeCompiler;
import dev.floe.gitops.compiler.SourceInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2's figures: a warm compile of {@code sales-analytics} (goal ≤ 5 ms) and of a generated
 * floe.yaml with 1,000 transforms and 200 schedules (goal ≤ 100 ms), plus smaller generated sizes
 * to show that the cost grows linearly with the number of transforms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CompileBenchmark {

  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @Param({"sales-analytics", "generated-250", "generated-500", "generated-1000"})
  public String input;

  private FloeCompiler compiler;
  private CompileRequest request;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path root = BenchPaths.repositoryRoot();
    byte[] platform = Files.readAllBytes(root.resolve("platform/dev/platform.yaml"));
    MemorySourceTree tree;
    if (input.equals("sales-analytics")) {
      tree = new MemorySourceTree(readTree(root.resolve("test-repos/sales-analytics")));
    } else {
      int transforms = Integer.parseInt(input.substring("generated-".length()));
      tree = new MemorySourceTree(GeneratedPipeline.files(transforms, transforms / 5));
    }
    // At 1,000 transforms the artifacts ConfigMap passes Argo CD's 256 KiB object limit, which the
    // production compile refuses (an error naming the file); the scale runs lift the size limits so they
    // measure how compile time grows, not how fast a refusal is.
    CompilerLimits d = CompilerLimits.defaults();
    compiler = new FloeCompiler(input.equals("sales-analytics") ? d
        : new CompilerLimits(d.maxDocumentBytes(), d.maxDepth(), d.maxAliases(), d.maxNodes(), 64 << 20, 64 << 20));
    request = new CompileRequest(tree, "floe.yaml", platform, "platform.yaml", "dev",
        new SourceInfo("acme/" + input, COMMIT, "refs/heads/main"));
    if (compiler.compile(request) instanceof CompileResult.Failed failed) {
      throw new IllegalStateException("benchmark input does not compile: " + failed.errors());
    }
  }

  @Benchmark
  public CompileResult compile() {
    return compiler.compile(request);
  }

  static Map<String, byte[]> readTree(Path dir) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** A pipeline with N transforms over one dbt project, each with its own model folder. */
  static final class GeneratedPipeline {
    private GeneratedPipeline() {}

    static Map<String, byte[]> files(int transforms, int schedules) {
      Map<String, byte[]> files = new HashMap<>();
      StringBuilder y = new StringBuilder();
      y.append("name: generated\nversion: \"1.0.0\"\n");
      y.append("profiles: {storage: default, catalog: default, compute: default}\n");
      y.append("transforms:\n");
      for (int i = 0; i < transforms; i++) {
        y.append("  - name: t").append(i).append("\n    type: dbt\n    project: gen_dbt\n");
        y.append("    models: [{path: models/m").append(i).append("/*.sql}]\n");
        files.put("gen_dbt/models/m" + i + "/model_" + i + ".sql", ("select " + i + " as id\n").getBytes(StandardCharsets.UTF_8));
      }
      y.append("schedules:\n");
      for (int s = 0; s < schedules; s++) {
        y.append("  - {name: s").append(s).append(", cron: \"").append(s % 60).append(" ").append(s % 24)
            .append(" * * *\", timezone: UTC, transforms: [t").append(s % transforms).append(", t")
            .append((s * 7 + 1) % transforms).append("]}\n");
      }
      files.put("floe.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
      files.put("gen_dbt/dbt_project.yml", "name: gen_dbt\nversion: \"1.0.0\"\nprofile: gen_dbt\n".getBytes(StandardCharsets.UTF_8));
      return files;
    }
  }
}
