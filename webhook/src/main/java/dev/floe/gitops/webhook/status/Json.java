package dev.floe.gitops.webhook.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The little JSON the provider mappings need; one mapper, no state beyond it. */
final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static String write(Map<String, ?> body) {
    return MAPPER.writeValueAsString(body);
  }

  static JsonNode array(java.util.List<JsonNode> items) {
    var out = MAPPER.createArrayNode();
    items.forEach(out::add);
    return out;
  }

  static JsonNode read(String text) {
    return MAPPER.readTree(text);
  }

  /**
   * Context → folded state from an array of status objects; the first entry of a context wins (the hosts list the
   * newest first).
   */
  static Map<String, String> statuses(JsonNode array, String contextField, String stateField) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (array == null || !array.isArray()) {
      return out;
    }
    for (JsonNode item : array) {
      out.putIfAbsent(item.path(contextField).asString(""), fold(item.path(stateField).asString("")));
    }
    return out;
  }

  static String fold(String state) {
    return switch (state.toLowerCase(java.util.Locale.ROOT)) {
      case "success", "successful" -> "success";
      case "failure", "failed", "error", "stopped", "canceled", "cancelled" -> "failure";
      default -> "pending";
    };
  }

  /** Comments from an array of objects with {@code id} and a body found by {@code bodyPath} (e.g. content/raw). */
  static List<RemoteComment> comments(JsonNode array, String... bodyPath) {
    List<RemoteComment> out = new ArrayList<>();
    if (array == null || !array.isArray()) {
      return out;
    }
    for (JsonNode item : array) {
      JsonNode body = item;
      for (String key : bodyPath) {
        body = body.path(key);
      }
      out.add(new RemoteComment(item.path("id").asString(""), body.isString() ? body.asString() : ""));
    }
    return out;
  }
}
