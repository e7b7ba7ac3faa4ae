package dev.floe.gitops.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Paths and helpers shared by the compiler tests. */
final class Fixtures {
    static final List<String> ENVIRONMENTS = List.of("local", "dev", "staging", "prod");
    static final List<String> SAMPLE_REPOS = List.of("sales-analytics", "marketing-attribution");
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private Fixtures() {
    }

    static Path repoRoot() {
        String prop = System.getProperty("floe.repo.root");
        Path p = prop != null ? Paths.get(prop) : Paths.get("").toAbsolutePath().getParent();
        if (!Files.isDirectory(p.resolve("platform"))) {
            p = Paths.get("").toAbsolutePath().getParent();
        }
        return p;
    }

    static Path resources() {
        return repoRoot().resolve("compiler/src/test/resources");
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompileRequest sampleRequest(String repo, String env) {
        Path root = repoRoot();
        return new CompileRequest(new DirectorySourceTree(root.resolve("test-repos").resolve(repo)), "floe.yaml",
                read(root.resolve("platform").resolve(env).resolve("platform.yaml")), "platform/" + env + "/platform.yaml",
                env, new SourceInfo("https://git.example.com/acme/" + repo + ".git", COMMIT, "refs/heads/main"));
    }

    static CompileResult.Compiled compileSample(String repo, String env) {
        CompileResult r = new FloeCompiler(CompilerLimits.defaults()).compile(sampleRequest(repo, env));
        if (r instanceof CompileResult.Failed f) {
            throw new AssertionError(repo + " × " + env + " failed:\n" + String.join("\n",
                    f.errors().stream().map(CompileError::format).toList()));
        }
        return (CompileResult.Compiled) r;
    }

    static void writeTree(RenderedTree tree, Path dir) {
        try {
            for (Map.Entry<String, byte[]> e : tree.files().entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
