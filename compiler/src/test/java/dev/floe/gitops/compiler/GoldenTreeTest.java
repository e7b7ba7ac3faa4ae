package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample repository × every environment renders exactly the reviewed tree under
 * {@code src/test/resources/golden/<repo>/<env>/}. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenTreeTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> everySampleRendersItsGoldenTreeInEveryEnvironment() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String repo : Fixtures.SAMPLE_REPOS) {
            for (String env : Fixtures.ENVIRONMENTS) {
                tests.add(DynamicTest.dynamicTest(repo + " × " + env, () -> {
                    RenderedTree tree = Fixtures.compileSample(repo, env).tree();
                    Path golden = Fixtures.resources().resolve("golden").resolve(repo).resolve(env);
                    if (UPDATE) {
                        deleteRecursively(golden);
                        Fixtures.writeTree(tree, golden);
                    }
                    Map<String, String> expected = readTree(golden);
                    Map<String, String> actual = new TreeMap<>();
                    tree.files().forEach((k, v) -> actual.put(k, new String(v, StandardCharsets.UTF_8)));
                    assertThat(actual.keySet()).as("files of " + repo + "/" + env).containsExactlyElementsOf(expected.keySet());
                    for (String f : expected.keySet()) {
                        assertThat(actual.get(f)).as(repo + "/" + env + "/" + f
                                + " (regenerate with -Dgolden.update=true and review)").isEqualTo(expected.get(f));
                    }
                }));
            }
        }
        return tests.stream();
    }

    static Map<String, String> readTree(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
