package dev.floe.gitops.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/schemas/event-record.schema.json describes what the codec writes: the codec is the
 * authority, the schema is for other readers of the topic, and this test keeps them in step.
 */
class EventRecordSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();

  private static JsonNode schemaJson;
  private static JsonSchema schema;
  private final EventRecordCodec codec = new EventRecordCodec();

  @BeforeAll
  static void loadSchema() throws IOException {
    Path root = Paths.get(System.getProperty("floe.repo.root", ".."));
    schemaJson = JSON.readTree(Files.readAllBytes(root.resolve("docs/schemas/event-record.schema.json")));
    schema = FACTORY.getSchema(schemaJson, CONFIG);
  }

  @Test
  void theSchemaIsValidDraft202012() {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
    assertThat(describe(meta.validate(schemaJson))).isEmpty();
  }

  @Test
  void anEncodedPushValidates() throws IOException {
    assertThat(validate(codec.encode(EventRecords.push("sales-analytics", "d-1")))).isEmpty();
  }

  @Test
  void anEncodedForkPullRequestValidates() throws IOException {
    assertThat(validate(codec.encode(EventRecords.pullRequest()))).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatTheCodecRejects() throws IOException {
    String push = new String(codec.encode(EventRecords.push("r", "d")), "UTF-8");
    assertThat(validate(push.replace("}", ",\"colour\":\"red\"}").getBytes("UTF-8"))).isNotEmpty();
    assertThat(validate(push.replace("\"kind\":\"push\"", "\"kind\":\"pull_request\"").getBytes("UTF-8")))
        .isNotEmpty();
  }

  @Test
  void theDocumentedExampleValidatesAndDecodes() throws Exception {
    Path doc = Paths.get(System.getProperty("floe.repo.root", "..")).resolve("docs/event-schema.md");
    String markdown = Files.readString(doc);
    int start = markdown.indexOf("```json\n") + "```json\n".length();
    String example = markdown.substring(start, markdown.indexOf("```", start));
    byte[] bytes = example.getBytes("UTF-8");
    assertThat(validate(bytes)).isEmpty();
    assertThat(codec.decode(bytes).kind()).isEqualTo(EventKind.PUSH);
  }

  private Set<String> validate(byte[] json) throws IOException {
    return describe(schema.validate(JSON.readTree(json)));
  }

  private static Set<String> describe(Set<ValidationMessage> messages) {
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }
}
