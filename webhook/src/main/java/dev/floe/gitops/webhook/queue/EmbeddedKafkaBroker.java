package dev.floe.gitops.webhook.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) inside this JVM, with its log under
 * {@code <dataDir>/kafka} (SPEC §3): the default queue when no Kafka cluster is configured. The
 * only class that touches Kafka's server internals, so a Kafka upgrade that moves them breaks here
 * and nowhere else (BUILD-NOTES §2a).
 *
 * <p>The log directory is formatted once; the cluster id is kept in {@code <dataDir>/kafka/cluster-id}
 * so a restart on the same data directory opens the same log and queued events survive. Ports are
 * picked free on each start unless configured, so clients must take {@link #bootstrapServers()}
 * from the running instance. It listens on 127.0.0.1 only: the embedded queue is not a service for
 * other machines.
 *
 * <p>Durability: with one node, {@code acks=all} means "in this broker's log". Kafka leaves
 * flushing to the OS, so events survive a process restart but not necessarily a machine crash;
 * installations that need more point {@code kafka.bootstrapServers} at a replicated cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  /** How long a crashed incarnation's registration blocks the next start (see {@link #config}). */
  static final int BROKER_SESSION_TIMEOUT_MS = 3_000;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final String clusterId;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String clusterId) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.clusterId = clusterId;
  }

  /**
   * Formats {@code <dataDir>/kafka} if it has never been formatted, then starts the broker and
   * returns once it serves clients.
   *
   * @param brokerPort the client port, 0 for a free one
   * @param controllerPort the KRaft controller port, 0 for a free one
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
    Path home = dataDir.resolve("kafka");
    Path logDir = home.resolve("log");
    int bport = brokerPort == 0 ? freePort() : brokerPort;
    int cport = controllerPort == 0 ? freePort() : controllerPort;
    try {
      Files.createDirectories(logDir);
      String clusterId = formatOnce(home, logDir);
      KafkaRaftServer server =
          new KafkaRaftServer(new KafkaConfig(config(logDir, bport, cport)), Time.SYSTEM);
      try {
        server.startup();
      } catch (RuntimeException e) {
        // Release the ports and threads of a half-started server before reporting.
        server.shutdown();
        server.awaitShutdown();
        throw e;
      }
      String bootstrap = HOST + ":" + bport;
      LOG.info("Embedded Kafka (cluster {}) serves {} with its log in {}", clusterId, bootstrap, logDir);
      return new EmbeddedKafkaBroker(server, bootstrap, clusterId);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to prepare the embedded Kafka log in " + home, e);
    }
  }

  /** Starts on free ports. */
  public static EmbeddedKafkaBroker start(Path dataDir) {
    return start(dataDir, 0, 0);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String clusterId() {
    return clusterId;
  }

  /** Shuts the broker down and waits until it has; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Embedded Kafka at {} stopped", bootstrapServers);
  }

  /**
   * The cluster id file is written first (atomically), and the formatter skips a directory that is
   * already formatted: a crash between the two steps is repaired by the next start instead of
   * leaving a log that cannot be opened.
   */
  private static String formatOnce(Path home, Path logDir) throws IOException {
    Path idFile = home.resolve("cluster-id");
    String clusterId;
    if (Files.exists(idFile)) {
      clusterId = Files.readString(idFile, StandardCharsets.US_ASCII).trim();
      if (Files.exists(logDir.resolve("meta.properties"))) {
        return clusterId;
      }
    } else {
      clusterId = Uuid.randomUuid().toString();
      Path tmp = home.resolve("cluster-id.tmp");
      Files.writeString(tmp, clusterId + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, idFile, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, idFile, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(clusterId)
          .setNodeId(NODE_ID)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .setDirectories(List.of(logDir.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("failed to format the embedded Kafka log in " + logDir, e);
    }
    LOG.info("Formatted the embedded Kafka log in {} (cluster {})", logDir, clusterId);
    return clusterId;
  }

  static Map<String, Object> config(Path logDir, int brokerPort, int controllerPort) {
    Map<String, Object> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: every internal topic can only have one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // A lone worker should get its partitions at once, not after the default 3 s grace.
    p.put("group.initial.rebalance.delay.ms", "0");
    // Lets the worker use a short session timeout against the embedded broker.
    p.put("group.min.session.timeout.ms", "1000");
    // Topics are created on purpose (TopicsInitializer), never by a typo in a client.
    p.put("auto.create.topics.enable", "false");
    // After a crash (SIGKILL, OOM kill) the metadata log still holds the dead incarnation's registration, and the
    // controller refuses the new one (DUPLICATE_BROKER_REGISTRATION) until that session expires: with Kafka's 9 s
    // default every crash-restart of the service waited 9 s more before it could queue webhooks (the soak measured
    // 17-18 s from start to ready). Broker and controller share this JVM, so heartbeats never cross a network; 3 s
    // still rides out GC and CPU starvation on a loaded node, and the heartbeat interval stays well inside it.
    p.put("broker.session.timeout.ms", String.valueOf(BROKER_SESSION_TIMEOUT_MS));
    p.put("broker.heartbeat.interval.ms", "500");
    return p;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to find a free port for the embedded Kafka", e);
    }
  }
}
