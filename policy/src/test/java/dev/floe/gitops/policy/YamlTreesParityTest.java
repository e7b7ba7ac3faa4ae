package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast parsers (Jackson for JSON, trees built from parser events for YAML) must give exactly
 * the trees and line maps the composed YAML node graph gives: findings and their lines depend on
 * both. Checked over every corpus file and over the YAML features the fast path hands back
 * (aliases, complex keys) or must resolve the same way (tags, duplicates, multi-document streams).
 */
class YamlTreesParityTest {

  @Test
  void everyCorpusFileParsesAsTheComposedGraphDoes() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/corpus").toURI());
    int compared = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        if (assertSame(text, p.toString())) {
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  void yamlFeatures() {
    List<String> cases = List.of(
        "a: 1\nb: true\nc: null\nd: ~\ne: 1.5\nf: 0x1F\ng: 99999999999999999999999\nh: .inf\ni: -.nan\nj: ''\nk:\n",
        "t: !!str 5\nu: !!int '7'\nv: !custom x\nw: ! 12\nx: !!binary aGVsbG8=\n",
        "dup: 1\ndup: 2\ndup: 3\nother:\n  - x\n  - {y: z, y: w}\n",
        "---\na: 1\n---\n- b\n- c\n...\n---\n",
        "base: &b\n  user: admin\n  password: hunter2hunter2\nuse: *b\nlist: [*b, *b]\n",
        "? [complex, key]\n: value\nplain: x\n",
        "anchored: &x plain\nnot_aliased: y\n",
        "script: |\n  line one\n  line two\nfolded: >-\n  a\n  b\nkeep: |+\n  x\n\n",
        "$ref: ${ENV_VAR}\n\"quoted key\": 'single'\n'0': \"\\u00e9\\t\"\n",
        "{\"json\": [1, 2.5, -3, true, false, null, \"s\", {\"n\": {}}], \"json\": []}",
        "[\n  {\"a\": \"b\"},\n  [],\n  \"x\"\n]\n",
        "{a: b, c: [d, e]}\n",
        "",
        "# only a comment\n",
        "plain scalar document\n");
    int compared = 0;
    for (String c : cases) {
      compared += assertSame(c, c) ? 1 : 0;
    }
    assertThat(compared).isGreaterThanOrEqualTo(cases.size() - 1); // the complex key is not YAML the composer reads
  }

  private static boolean catchNotParsable(String text) {
    try {
      YamlTrees.parseAll(text, true);
      return false;
    } catch (YamlTrees.NotParsable e) {
      return true;
    }
  }

  /** True when the composed reference parses {@code text}; then the fast result must be equal. */
  private static boolean assertSame(String text, String what) {
    List<YamlTrees.Doc> reference;
    try {
      reference = YamlTrees.composeAll(text, true);
    } catch (YamlTrees.NotParsable e) {
      // YAML rejects it: so must the fast path, unless it is strict JSON YAML cannot read (tabs)
      if (!text.strip().startsWith("{") && !text.strip().startsWith("[")) {
        assertThat(catchNotParsable(text)).as(what).isTrue();
      }
      return false;
    }
    try {
      assertThat(YamlTrees.parseAll(text, true)).as(what).isEqualTo(reference);
      assertThat(YamlTrees.parseAll(text, false)).as(what).isEqualTo(YamlTrees.composeAll(text, false));
    } catch (YamlTrees.NotParsable e) {
      throw new AssertionError(what + ": the fast path rejects what the composer reads", e);
    }
    return true;
  }
}
