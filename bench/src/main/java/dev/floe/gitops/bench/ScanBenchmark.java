package dev.floe.gitops.bench;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.policy.ScanContext;
import dev.floe.gitops.policy.ScanResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's figures: a typical Deployment as a parsed tree (goal &lt; 50 µs), the same bytes as
 * JSON and as YAML text (throughput = bytes / time; goal ≥ 50 MB/s for JSON and trees), and a
 * 1 MiB hostile value (goal &lt; 50 ms).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ScanBenchmark {

  private PolicyEngine engine;
  private Object deploymentTree;
  private byte[] deploymentJson;
  private byte[] deploymentYaml;
  private byte[] hostileJson;

  @Setup
  public void setUp() {
    engine = PolicyEngine.defaults();
    deploymentJson = Manifests.TYPICAL_DEPLOYMENT_JSON.getBytes(StandardCharsets.UTF_8);
    deploymentYaml = Manifests.TYPICAL_DEPLOYMENT_YAML.getBytes(StandardCharsets.UTF_8);
    ObjectMapper mapper = JsonMapper.builder().build();
    deploymentTree = mapper.readValue(deploymentJson, Object.class);
    hostileJson = Manifests.hostileConfigMap(1 << 20).getBytes(StandardCharsets.UTF_8);
    for (Object r : new Object[] {scanTree(), scanJson(), scanYaml()}) {
      if (!(r instanceof ScanResult.Clean)) {
        throw new IllegalStateException("the typical Deployment must scan clean, got " + r);
      }
    }
  }

  @Benchmark
  public ScanResult scanTree() {
    return engine.scanTree(deploymentTree, ScanContext.admission());
  }

  @Benchmark
  public ScanResult scanJson() {
    return engine.scanText(deploymentJson, "deployment.json", ScanContext.files());
  }

  @Benchmark
  public ScanResult scanYaml() {
    return engine.scanText(deploymentYaml, "deployment.yaml", ScanContext.files());
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ScanResult scanHostileMiB() {
    return engine.scanText(hostileJson, "hostile.json", ScanContext.files());
  }

  public int deploymentBytes() {
    return deploymentJson.length;
  }
}
