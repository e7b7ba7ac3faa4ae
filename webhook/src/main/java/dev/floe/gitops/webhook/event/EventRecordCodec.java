package dev.floe.gitops.webhook.event;

import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Event record &lt;-&gt; JSON bytes, mapped field by field (docs/event-schema.md). Written by hand,
 * not by reflection, so the wire format is exactly what the schema says and renaming a Java
 * component cannot silently change it.
 *
 * <p>Decoding is strict: a missing or mistyped field, a duplicate key, trailing content or a field
 * this version does not know is an error naming the field. Unknown fields are tolerated only in a
 * record of a higher {@code schemaVersion}, so a newer receiver can add fields while older workers
 * still run during a rolling upgrade. Thread-safe.
 */
public final class EventRecordCodec {

  static final List<String> FIELDS = List.of(
      "schemaVersion", "provider", "deliveryId", "repository", "cloneUrl", "kind", "ref",
      "before", "after", "headSha", "baseRef", "prNumber", "headRepository", "receivedAt",
      "traceparent");
  private static final Set<String> KNOWN = Set.copyOf(FIELDS);

  private final JsonMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** UTF-8 JSON with the fields in schema order; absent optional fields are left out. */
  public byte[] encode(EventRecord record) {
    ObjectNode node = mapper.createObjectNode();
    node.put("schemaVersion", record.schemaVersion());
    node.put("provider", record.provider().wireName());
    node.put("deliveryId", record.deliveryId());
    node.put("repository", record.repository());
    node.put("cloneUrl", record.cloneUrl());
    node.put("kind", record.kind().wireName());
    node.put("ref", record.ref());
    putIfPresent(node, "before", record.before());
    putIfPresent(node, "after", record.after());
    putIfPresent(node, "headSha", record.headSha());
    putIfPresent(node, "baseRef", record.baseRef());
    if (record.prNumber() != null) {
      node.put("prNumber", record.prNumber().intValue());
    }
    putIfPresent(node, "headRepository", record.headRepository());
    node.put("receivedAt", record.receivedAt());
    putIfPresent(node, "traceparent", record.traceparent());
    return mapper.writeValueAsBytes(node);
  }

  /**
   * @throws DecodeException for anything that is not a valid record; nothing else escapes
   */
  public EventRecord decode(byte[] bytes) throws DecodeException {
    if (bytes == null || bytes.length == 0) {
      throw new DecodeException(null, "empty record");
    }
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (JacksonException e) {
      // Jackson's message may quote parts of the input: keep only its kind and position.
      throw new DecodeException(null, "not valid JSON (" + e.getClass().getSimpleName()
          + at(e) + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new DecodeException(null, "must be a JSON object");
    }
    int schemaVersion = intField(root, "schemaVersion", true);
    if (schemaVersion < 1) {
      throw new DecodeException("schemaVersion", "must be >= 1");
    }
    if (schemaVersion == EventRecord.SCHEMA_VERSION) {
      for (String name : root.propertyNames()) {
        if (!KNOWN.contains(name)) {
          throw new DecodeException(name, "unknown field in a schemaVersion "
              + EventRecord.SCHEMA_VERSION + " record");
        }
      }
    }
    String providerName = stringField(root, "provider", true);
    Provider provider = Provider.fromWireName(providerName).orElseThrow(() ->
        new DecodeException("provider", "must be one of github, gitlab, gitea, bitbucket"));
    String kindName = stringField(root, "kind", true);
    EventKind kind = EventKind.fromWireName(kindName).orElseThrow(() ->
        new DecodeException("kind", "must be push or pull_request"));
    Integer prNumber = root.has("prNumber") && !root.get("prNumber").isNull()
        ? intField(root, "prNumber", true) : null;
    try {
      return new EventRecord(
          schemaVersion,
          provider,
          stringField(root, "deliveryId", true),
          stringField(root, "repository", true),
          stringField(root, "cloneUrl", true),
          kind,
          stringField(root, "ref", true),
          stringField(root, "before", false),
          stringField(root, "after", false),
          stringField(root, "headSha", false),
          stringField(root, "baseRef", false),
          prNumber,
          stringField(root, "headRepository", false),
          stringField(root, "receivedAt", true),
          stringField(root, "traceparent", false));
    } catch (InvalidFieldException e) {
      throw new DecodeException(e.field(), e.problem(), e);
    }
  }

  private static String stringField(JsonNode root, String name, boolean required)
      throws DecodeException {
    JsonNode value = root.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new DecodeException(name, "is required");
      }
      return null;
    }
    if (!value.isString()) {
      throw new DecodeException(name, "must be a string, was " + value.getNodeType());
    }
    return value.stringValue();
  }

  private static int intField(JsonNode root, String name, boolean required)
      throws DecodeException {
    JsonNode value = root.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new DecodeException(name, "is required");
      }
      return 0;
    }
    if (!value.isInt()) {
      throw new DecodeException(name, "must be a 32-bit integer, was " + value.getNodeType());
    }
    return value.intValue();
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static String at(JacksonException e) {
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
