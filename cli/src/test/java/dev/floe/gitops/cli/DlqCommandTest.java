package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.QueueSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code floe-gitops dlq list|replay} against a real (embedded) broker. */
class DlqCommandTest {

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @TempDir static Path dir;
  static EmbeddedKafkaBroker broker;
  static Path config;

  @BeforeAll
  static void dlqWithTwoEvents() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(QueueSettings.DEFAULT_TOPIC, 1, (short) 1),
          new NewTopic(QueueSettings.DEFAULT_DEAD_LETTER_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
      dead(producer, "d-1", "acme/sales", "gave up after 5 attempts: failed to push main");
      dead(producer, "d-2", "acme/orders", "policy finding");
    }
    config = dir.resolve("floe-gitops.yaml");
    Files.writeString(config, "profile: local\nkafka: {bootstrapServers: '" + broker.bootstrapServers() + "'}\n");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void listShowsEachDeadLetteredEventWithItsHeaders() {
    Run run = run("dlq", "list", "--config", config.toString());
    assertThat(run.exit).isEqualTo(0);
    assertThat(run.out).contains("d-1\tacme/sales\tpush\trefs/heads/main\t5\tgave up after 5 attempts: failed to push main")
        .contains("d-2\tacme/orders\tpush\trefs/heads/main\t5\tpolicy finding")
        .contains("2 dead-lettered event(s)");

    Run one = run("dlq", "list", "--config", config.toString(), "--repository", "acme/orders");
    assertThat(one.out).doesNotContain("d-1").contains("1 dead-lettered event(s)");
  }

  @Test
  void replayByDeliveryPutsTheEventBackWithKeyPayloadAndTraceparent() throws Exception {
    Run run = run("dlq", "replay", "--config", config.toString(), "d-2");

    assertThat(run.exit).as(run.err).isEqualTo(0);
    assertThat(run.out).contains("replayed 1 event(s) to floe-gitops.events");
    List<ConsumerRecord<String, byte[]>> main = readAll(QueueSettings.DEFAULT_TOPIC);
    assertThat(main).hasSize(1);
    assertThat(main.get(0).key()).isEqualTo("acme/orders");
    assertThat(new String(main.get(0).value(), StandardCharsets.UTF_8)).contains("\"deliveryId\":\"d-2\"");
    assertThat(new String(main.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
        .isEqualTo(TRACEPARENT);
  }

  @Test
  void replayWithoutAChoiceOrWithoutKafkaIsAUsageError() throws Exception {
    assertThat(run("dlq", "replay", "--config", config.toString()).exit).isEqualTo(2);
    Path embedded = dir.resolve("embedded.yaml");
    Files.writeString(embedded, "profile: local\n");
    Run run = run("dlq", "list", "--config", embedded.toString());
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("kafka.bootstrapServers").contains("--bootstrap-servers");
  }

  private static void dead(KafkaProducer<String, byte[]> producer, String delivery, String repository, String error)
      throws Exception {
    String value = "{\"schemaVersion\":1,\"provider\":\"github\",\"deliveryId\":\"" + delivery + "\",\"repository\":\""
        + repository + "\",\"cloneUrl\":\"https://github.com/" + repository + ".git\",\"kind\":\"push\","
        + "\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(39) + "1\",\"after\":\"" + "a".repeat(40)
        + "\",\"receivedAt\":\"2026-01-01T00:00:00Z\",\"traceparent\":\"" + TRACEPARENT + "\"}";
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(QueueSettings.DEFAULT_DEAD_LETTER_TOPIC, repository,
        value.getBytes(StandardCharsets.UTF_8));
    record.headers().add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
    record.headers().add("floe.attempts", "5".getBytes(StandardCharsets.UTF_8));
    record.headers().add("floe.error", error.getBytes(StandardCharsets.UTF_8));
    producer.send(record).get(30, TimeUnit.SECONDS);
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
        broker.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition p = new TopicPartition(topic, 0);
      consumer.assign(List.of(p));
      consumer.seekToBeginning(List.of(p));
      long end = consumer.endOffsets(List.of(p)).get(p);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (consumer.position(p) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = FloeGitops.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
