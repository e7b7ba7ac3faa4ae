package dev.floe.gitops.compiler;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A source tree backed by a folder. Symbolic links that resolve outside the folder are refused. */
public final class DirectorySourceTree implements SourceTree {
    private final Path root;

    public DirectorySourceTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<byte[]> read(String relativePath) throws SourceException {
        String rel = SourcePaths.checkRelative(relativePath);
        Path file = root.resolve(rel).normalize();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        checkInside(file, relativePath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SourceException("cannot read '" + rel + "' in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String glob) throws SourceException {
        if (glob.startsWith("/") || glob.contains("..")) {
            throw new SourceException("glob '" + glob + "' must be relative and may not contain '..'");
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new SourceException("invalid glob '" + glob + "': " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        Path realRoot = realRoot();
        // Walk only below the glob's literal folder: a pipeline asks once per model glob, so walking the whole
        // repository each time would make listing O(globs × files).
        String prefix = SourcePaths.globLiteralPrefix(glob);
        Path start = prefix.isEmpty() ? root : root.resolve(prefix);
        if (!Files.isDirectory(start, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                Path rel = root.relativize(p);
                if (matcher.matches(rel) && p.toRealPath().startsWith(realRoot)) {
                    out.add(rel.toString().replace('\\', '/'));
                }
            }
        } catch (IOException e) {
            throw new SourceException("cannot list '" + glob + "' in " + describe() + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path realRoot() throws SourceException {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new SourceException("source folder " + root + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void checkInside(Path file, String asked) throws SourceException {
        try {
            if (!file.toRealPath().startsWith(realRoot())) {
                throw new SourceException("path '" + asked + "' resolves outside the repository (symbolic link)");
            }
        } catch (IOException e) {
            throw new SourceException("cannot resolve '" + asked + "': " + e.getMessage(), e);
        }
    }
}
