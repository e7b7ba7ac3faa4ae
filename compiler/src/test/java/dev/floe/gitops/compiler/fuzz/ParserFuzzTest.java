package dev.floe.gitops.compiler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.floe.gitops.compiler.CompileInputs;
import dev.floe.gitops.compiler.CompileRequest;
import dev.floe.gitops.compiler.CompileResult;
import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.FloeCompiler;
import dev.floe.gitops.compiler.SourceInfo;
import dev.floe.gitops.compiler.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Both parsers (floe.yaml and platform.yaml, through the whole compiler) never throw and never hang: any input
 * gives Compiled or Failed. The seed corpus under {@code ParserFuzzTestInputs/<method>/} is replayed in every
 * normal build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ParserFuzzTest {
    private static final byte[] PLATFORM = ("""
            version: "1.2.0"
            storage: {default: {bucket: test-bucket}}
            catalogs: {default: {uri: "http://polaris:8181/api/catalog", warehouse: wh}}
            compute: {default: {type: duckdb}}
            """).getBytes(StandardCharsets.UTF_8);
    private static final byte[] FLOE = "name: fuzz\nversion: \"1.0.0\"\n".getBytes(StandardCharsets.UTF_8);
    private static final SourceInfo SOURCE = new SourceInfo("repo", "0123456789abcdef0123456789abcdef01234567", "refs/heads/main");

    /** A one-file tree: only floe.yaml exists. */
    private record OneFile(byte[] floe) implements SourceTree {
        @Override
        public Optional<byte[]> read(String relativePath) {
            return relativePath.equals("floe.yaml") ? Optional.of(floe) : Optional.empty();
        }

        @Override
        public List<String> list(String glob) {
            return List.of();
        }

        @Override
        public String describe() {
            return "fuzz input";
        }
    }

    private static void check(CompileResult r) {
        assertThat(r).isNotNull();
        if (r instanceof CompileResult.Failed f) {
            assertThat(f.errors()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
            });
        }
    }

    @FuzzTest(maxDuration = "30s")
    void floeYaml(byte[] input) {
        check(new FloeCompiler(CompilerLimits.defaults()).compile(
                new CompileRequest(new OneFile(input), "floe.yaml", PLATFORM, "platform.yaml", "dev", SOURCE)));
        assertThat(CompileInputs.of(input).paths()).contains("floe.yaml");
    }

    @FuzzTest(maxDuration = "30s")
    void platformYaml(byte[] input) {
        check(new FloeCompiler(CompilerLimits.defaults()).compile(
                new CompileRequest(new OneFile(FLOE), "floe.yaml", input, "platform.yaml", "dev", SOURCE)));
    }
}
