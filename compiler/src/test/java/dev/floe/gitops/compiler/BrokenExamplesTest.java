package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case under {@code src/test/resources/broken/<case>/} fails with exactly the lines of its
 * {@code expected-errors.txt}. A case without floe.yaml or platform.yaml uses the valid ones under
 * {@code fixtures/minimal/}. Regenerate with {@code -Dgolden.update=true} and review.
 */
class BrokenExamplesTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path temp;

    static CompileResult compileCase(Path caseDir, Path work) {
        Fixtures.copyTree(caseDir, work);
        Path minimal = Fixtures.resources().resolve("fixtures/minimal");
        try {
            if (!Files.exists(work.resolve("floe.yaml"))) {
                Files.copy(minimal.resolve("floe.yaml"), work.resolve("floe.yaml"));
            }
            Path platform = Files.exists(caseDir.resolve("platform.yaml")) ? caseDir.resolve("platform.yaml")
                    : minimal.resolve("platform.yaml");
            return new FloeCompiler(CompilerLimits.defaults()).compile(new CompileRequest(new DirectorySourceTree(work),
                    "floe.yaml", Files.readAllBytes(platform), "platform.yaml", "dev",
                    new SourceInfo("https://git.example.com/acme/broken.git", Fixtures.COMMIT, "refs/heads/main")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenExampleGivesExactlyItsExpectedErrors() throws IOException {
        Path broken = Fixtures.resources().resolve("broken");
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(broken)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            CompileResult result = compileCase(dir, temp.resolve(dir.getFileName().toString()));
            assertThat(result).as(dir.getFileName() + " must fail").isInstanceOf(CompileResult.Failed.class);
            List<String> actual = ((CompileResult.Failed) result).errors().stream().map(CompileError::format).toList();
            Path expectedFile = dir.resolve("expected-errors.txt");
            if (UPDATE) {
                Files.writeString(expectedFile, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
            }
            List<String> expected = Arrays.stream(Files.readString(expectedFile, StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank()).toList();
            assertThat(actual).containsExactlyElementsOf(expected);
        }));
    }

    @Test
    void rejectsUnknownKeyWithNearestKnownKey() {
        CompileResult r = compileCase(Fixtures.resources().resolve("broken/unknown-key-did-you-mean"), temp.resolve("k"));
        CompileError e = ((CompileResult.Failed) r).errors().get(0);
        assertThat(e.file()).isEqualTo("platform.yaml");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.path()).isEqualTo("catalog");
        assertThat(e.hint()).isEqualTo("did you mean 'catalogs'?");
        assertThat(e.format()).isEqualTo("platform.yaml:5:1: unknown key 'catalog' in platform.yaml; did you mean 'catalogs'?");
    }

    @Test
    void neverEchoesALiteralCredentialInAnError() {
        CompileResult r = compileCase(Fixtures.resources().resolve("broken/literal-client-secret"), temp.resolve("s"));
        assertThat(((CompileResult.Failed) r).errors()).allSatisfy(e ->
                assertThat(e.format() + e.path()).doesNotContain("test-secret-value-do-not-leak-4711"));
    }

    @Test
    void reportsEveryErrorOfARunTogether() {
        CompileResult r = compileCase(Fixtures.resources().resolve("broken/many-errors-at-once"), temp.resolve("m"));
        List<CompileError> errors = ((CompileResult.Failed) r).errors();
        assertThat(errors).hasSizeGreaterThanOrEqualTo(6);
        assertThat(errors).extracting(CompileError::file).contains("floe.yaml", "platform.yaml");
    }
}
