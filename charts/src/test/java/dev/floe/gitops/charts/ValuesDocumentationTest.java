package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value in values.yaml carries a helm-docs comment ({@code # -- …}) directly above it. A block without one is only a
 * grouping, and then each of its keys needs its own comment.
 */
class ValuesDocumentationTest {

  private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):(.*)$");

  private record Key(int indent, String name, boolean documented, boolean block, int line) {}

  @Test
  void everyValueIsDocumented() throws IOException {
    List<String> lines = Files.readAllLines(HelmChart.dir().resolve("values.yaml"));
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      keys.add(new Key(m.group(1).length(), m.group(2), documented(lines, i), m.group(3).isBlank(), i + 1));
    }

    List<String> undocumented = new ArrayList<>();
    check(keys, 0, keys.size(), 0, "", undocumented);
    assertThat(undocumented).as("values without a `# --` comment").isEmpty();
  }

  /** Keys at {@code indent} between from and to; a documented key covers everything under it. */
  private static void check(List<Key> keys, int from, int to, int indent, String prefix, List<String> undocumented) {
    for (int i = from; i < to; i++) {
      Key key = keys.get(i);
      if (key.indent() != indent) {
        continue;
      }
      int end = i + 1;
      while (end < to && keys.get(end).indent() > indent) {
        end++;
      }
      boolean hasChildren = end > i + 1;
      String path = prefix + key.name();
      if (key.documented()) {
        continue;
      }
      if (key.block() && hasChildren) {
        check(keys, i + 1, end, keys.get(i + 1).indent(), path + ".", undocumented);
      } else {
        undocumented.add(path + " (line " + key.line() + ")");
      }
    }
  }

  /** The comment block directly above line i starts with `# --`. */
  private static boolean documented(List<String> lines, int i) {
    int j = i - 1;
    while (j >= 0 && lines.get(j).strip().startsWith("#") && !lines.get(j).strip().startsWith("# --")) {
      j--;
    }
    return j >= 0 && j < i && lines.get(j).strip().startsWith("# --");
  }
}
