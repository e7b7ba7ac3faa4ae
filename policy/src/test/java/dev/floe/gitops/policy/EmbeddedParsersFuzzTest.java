package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz targets for each embedded-document parser and scanner. None may throw: a parser that cannot
 * read its input returns null or an empty result (YamlTrees documents {@link YamlTrees.NotParsable}).
 */
class EmbeddedParsersFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void yamlTrees(byte[] input) {
    try {
      List<YamlTrees.Doc> docs = YamlTrees.parseAll(new String(input, java.nio.charset.StandardCharsets.UTF_8), true);
      assertThat(docs).isNotNull();
    } catch (YamlTrees.NotParsable expected) {
      assertThat(expected.getMessage()).doesNotContain("\n");
    }
  }

  @FuzzTest(maxDuration = "30s")
  void embeddedDocuments(FuzzedDataProvider data) {
    String key = data.pickValue(new String[] {"app.properties", ".env", "credentials", ".npmrc", "config.json", "kubeconfig", "a.yaml", "x"});
    Object tree = EmbeddedDocuments.parse(data.consumeRemainingAsString(), key, 1 << 20);
    assertThat(tree == null || tree instanceof java.util.Map || tree instanceof List).isTrue();
  }

  @FuzzTest(maxDuration = "30s")
  void keyValueLines(String text) {
    if (text == null) {
      return; // Jazzer passes null once; the parser's callers never do
    }
    assertThat(KeyValueLines.parse(text)).isNotNull();
  }

  @FuzzTest(maxDuration = "30s")
  void base64(FuzzedDataProvider data) {
    boolean force = data.consumeBoolean();
    String decoded = Base64Text.decode(data.consumeRemainingAsString(), 1 << 16, force);
    assertThat(decoded == null || !decoded.isEmpty()).isTrue();
  }

  @FuzzTest(maxDuration = "30s")
  void urlsCommandLinesAndKeyNames(String text) {
    if (text == null) {
      return;
    }
    for (UrlCredentials.Span s : UrlCredentials.find(text)) {
      assertThat(s.start()).isBetween(0, s.end());
      assertThat(s.end()).isLessThanOrEqualTo(text.length());
    }
    CommandLine.scan(List.of(text), 1000, true);
    CommandLine.scan(List.of(text, text), 1000, false);
    assertThat(KeyNames.classify(text)).isNotNull();
    new Classifier().isLiteralSecret(text, Classifier.KeyKind.PASSWORD);
    JsonPath.ROOT.key(text).index(1).toString();
  }
}
