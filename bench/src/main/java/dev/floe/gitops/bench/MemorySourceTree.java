package dev.floe.gitops.bench;

import dev.floe.gitops.compiler.SourcePaths;
import dev.floe.gitops.compiler.SourceTree;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A source tree held in memory, so a benchmark measures the compiler and not the disk. */
public final class MemorySourceTree implements SourceTree {

  private final TreeMap<String, byte[]> files;

  public MemorySourceTree(Map<String, byte[]> files) {
    this.files = new TreeMap<>(files);
  }

  @Override
  public Optional<byte[]> read(String relativePath) {
    return Optional.ofNullable(files.get(relativePath));
  }

  @Override
  public List<String> list(String glob) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<String> out = new ArrayList<>();
    // Only files under the glob's literal folder prefix can match: walk that slice of the sorted map, not every file.
    String prefix = SourcePaths.globLiteralPrefix(glob);
    for (String name : files.tailMap(prefix, true).keySet()) {
      if (!name.startsWith(prefix)) {
        break;
      }
      if (matcher.matches(Path.of(name))) {
        out.add(name);
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return "memory";
  }
}
