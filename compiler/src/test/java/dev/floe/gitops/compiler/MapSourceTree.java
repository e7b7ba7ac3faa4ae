package dev.floe.gitops.compiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory source tree for tests, the way the worker will back one with a Git tree. */
record MapSourceTree(Map<String, String> files) implements SourceTree {
    static MapSourceTree of(String... pathsAndContents) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return new MapSourceTree(m);
    }

    @Override
    public Optional<byte[]> read(String relativePath) throws SourceException {
        String p = SourcePaths.checkRelative(relativePath);
        return Optional.ofNullable(files.get(p)).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> list(String glob) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return files.keySet().stream().filter(f -> m.matches(Path.of(f))).sorted().toList();
    }

    @Override
    public String describe() {
        return "memory";
    }
}
