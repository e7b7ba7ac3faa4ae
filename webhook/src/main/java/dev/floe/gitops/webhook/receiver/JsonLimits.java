package dev.floe.gitops.webhook.receiver;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bounds on reading a webhook body. The body itself is capped while it streams in; these cap
 * what a body of that size can make the parser do (deep nesting is the usual stack exhaustion), and
 * duplicate keys are refused so that the name read before verification and the name read after it
 * cannot differ.
 */
final class JsonLimits {

  static final int MAX_NESTING = 64;

  private JsonLimits() {}

  static JsonFactory factory() {
    return JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxNameLength(10_000)
            .maxNumberLength(1_000)
            .build())
        .build();
  }

  static JsonMapper mapper() {
    return JsonMapper.builder(factory())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }
}
