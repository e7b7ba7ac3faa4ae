package dev.floe.gitops.cli.compile;

import dev.floe.gitops.compiler.RenderedTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a rendered tree into an output folder so that the folder holds exactly the tree.
 *
 * <p>A folder that already holds files is replaced only when it is an earlier render (it has a
 * {@code compiled_artifacts.json}); anything else is refused, so a mistyped {@code --out} never
 * deletes a user's files.
 */
public final class RenderedTreeWriter {

  static final String MARKER = "compiled_artifacts.json";

  private RenderedTreeWriter() {}

  public static List<Path> write(RenderedTree tree, Path out) throws IOException {
    Path root = out.toAbsolutePath().normalize();
    if (Files.exists(root)) {
      if (!Files.isDirectory(root)) {
        throw new IOException(out + " exists and is not a folder");
      }
      if (!isEmpty(root) && !Files.isRegularFile(root.resolve(MARKER))) {
        throw new IOException(out + " is not empty and holds no earlier render (" + MARKER
            + "); choose an empty or new folder");
      }
      deleteContents(root);
    }
    Files.createDirectories(root);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      Path target = root.resolve(file.getKey()).normalize();
      if (!target.startsWith(root) || target.equals(root)) {
        throw new IOException("rendered path '" + file.getKey() + "' leaves the output folder");
      }
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
      written.add(target);
    }
    return written;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteContents(Path dir) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.filter(p -> !p.equals(dir)).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.delete(p);
    }
  }
}
