package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiler is pure: file access only in DirectorySourceTree, and nothing that makes output depend on the
 * machine (environment, clock, randomness, default locale or charset). Checked on the sources so a slip fails fast.
 */
class PurityTest {
    private static final List<String> FORBIDDEN = List.of("System.getenv", "System.getProperty", "currentTimeMillis", "nanoTime",
            "Instant.now", "LocalDate.now", "LocalDateTime.now", "new Random", "Math.random", "Locale.getDefault",
            "Charset.defaultCharset", "java.io.File;", "FileInputStream", "FileReader");

    @Test
    void mainSourcesTouchNoFilesClockOrEnvironment() throws IOException {
        Path main = Fixtures.repoRoot().resolve("compiler/src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p);
                for (String f : FORBIDDEN) {
                    assertThat(text).as(p + " uses " + f).doesNotContain(f);
                }
                if (!p.getFileName().toString().equals("DirectorySourceTree.java")) {
                    assertThat(text).as(p + " reads files outside DirectorySourceTree").doesNotContain("java.nio.file.Files");
                }
                assertThat(text).as(p + " has static mutable state").doesNotContainPattern("static (?!final)[A-Za-z<>, ]+ [a-z]\\w* *(=|;)");
            }
        }
    }
}
