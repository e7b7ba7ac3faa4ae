package dev.floe.gitops.compiler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.compiler.CompilerLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
    private final CompilerLimits limits = CompilerLimits.defaults();
    private final YamlLoader loader = new YamlLoader(limits.maxDocumentBytes(), limits.maxDepth(), limits.maxAliases(), limits.maxNodes());

    private YamlLoad load(String text) {
        return loader.load(text.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private static String firstProblem(YamlLoad l) {
        assertThat(l).isInstanceOf(YamlLoad.Rejected.class);
        return ((YamlLoad.Rejected) l).problems().get(0).message();
    }

    @Test
    void keepsOneBasedPositionsOfKeysAndValues() {
        YNode.YMap root = (YNode.YMap) ((YamlLoad.Loaded) load("a: 1\nb:\n  c: x\n")).root();
        YNode.Entry b = root.entry("b").orElseThrow();
        assertThat(b.key().line()).isEqualTo(2);
        assertThat(b.key().column()).isEqualTo(1);
        YNode.Entry c = ((YNode.YMap) b.value()).entry("c").orElseThrow();
        assertThat(c.value().line()).isEqualTo(3);
        assertThat(c.value().column()).isEqualTo(6);
    }

    @Test
    void rejectsABillionLaughsDocumentQuicklyAndWithBoundedMemory() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'i'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            b.append("]\n");
            prev = String.valueOf(c);
        }
        // Unbounded expansion would run out of memory or time; the generous timeout only catches that.
        String doc = b.toString();
        assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> firstProblem(load(doc)))).contains("alias bomb");
    }

    @Test
    void rejectsAFewAliasesThatExpandPastTheNodeBudget() {
        // 20 aliases, each doubling: 2^20 nodes after expansion, far past the budget.
        StringBuilder b = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i <= 20; i++) {
            b.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        YamlLoader small = new YamlLoader(1 << 20, 64, 50, 100_000);
        assertThat(((YamlLoad.Rejected) small.load(b.toString().getBytes(StandardCharsets.UTF_8), "t")).problems().get(0).message())
                .contains("expands to more than 100000 nodes");
    }

    @Test
    void rejectsRecursiveAliases() {
        assertThat(load("a: &a [*a]\n")).isInstanceOf(YamlLoad.Rejected.class);
    }

    @Test
    void rejectsDocumentsOverTheSizeLimitBeforeParsing() {
        YamlLoader tiny = new YamlLoader(16, 64, 50, 1000);
        YamlLoad l = tiny.load("name: a-very-long-pipeline-name\n".getBytes(StandardCharsets.UTF_8), "t");
        assertThat(((YamlLoad.Rejected) l).problems().get(0).message()).contains("more than the limit of 16");
    }

    @Test
    void rejectsNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(firstProblem(load(deep))).contains("nesting deeper than 64");
    }

    @Test
    void reportsDuplicateKeysWithBothLines() {
        YamlLoad l = load("name: a\nversion: \"1\"\nname: b\n");
        YamlProblem p = ((YamlLoad.Rejected) l).problems().get(0);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).isEqualTo("duplicate key 'name' (first defined at line 1)");
    }

    @Test
    void treatsAnEmptyFileAsAnEmptyMapping() {
        assertThat(((YamlLoad.Loaded) load("")).root()).isEqualTo(new YNode.YMap(java.util.List.of(), 1, 1));
    }

    @Test
    void rejectsMergeKeysAndMultipleDocuments() {
        assertThat(firstProblem(load("a: &a {x: 1}\nb:\n  <<: *a\n"))).contains("merge keys");
        assertThat(firstProblem(load("a: 1\n---\nb: 2\n"))).contains("more than one YAML document");
    }

    @Test
    void rejectsInvalidUtf8() {
        assertThat(((YamlLoad.Rejected) loader.load(new byte[] {'a', ':', ' ', (byte) 0xff}, "t")).problems().get(0).message())
                .contains("not valid UTF-8");
    }

    @Test
    void typesScalarsLikeYaml12AndFlagsYaml11Booleans() {
        assertThat(new YNode.YScalar("yes", true, 1, 1).kind()).isEqualTo(ScalarKind.YAML11_BOOL);
        assertThat(new YNode.YScalar("yes", false, 1, 1).kind()).isEqualTo(ScalarKind.STRING);
        assertThat(new YNode.YScalar("true", true, 1, 1).kind()).isEqualTo(ScalarKind.BOOL);
        assertThat(new YNode.YScalar("12", true, 1, 1).kind()).isEqualTo(ScalarKind.INT);
        assertThat(new YNode.YScalar("1.5", true, 1, 1).kind()).isEqualTo(ScalarKind.FLOAT);
        assertThat(new YNode.YScalar("~", true, 1, 1).kind()).isEqualTo(ScalarKind.NULL);
        assertThat(new YNode.YScalar("1.0.0", true, 1, 1).kind()).isEqualTo(ScalarKind.STRING);
    }
}
