package dev.floe.gitops.cli;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretResolvers;
import dev.floe.gitops.webhook.queue.DeadLetters;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.service.QueueSettingsFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code floe-gitops dlq list|replay}: what the worker gave up on, and putting it back on the events
 * topic. Connects to {@code kafka.bootstrapServers} of the configuration (or {@code
 * --bootstrap-servers}); with the embedded broker, pass the address the running service logs at
 * start ("embedded Kafka broker ... listening on"), as the broker lives inside {@code serve}.
 * Exit codes: 0 done, 1 Kafka did not answer, 2 usage or configuration error.
 */
@Command(name = "dlq", description = "List or replay dead-lettered events.",
    subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class})
final class DlqCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options both subcommands share. */
  static class Connection {
    @Option(names = "--config", paramLabel = "FILE",
        description = "floe-gitops.yaml. Default: $FLOE_GITOPS_CONFIG.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
        description = "Kafka to read; overrides kafka.bootstrapServers (e.g. the embedded broker's address).")
    String bootstrapServers;

    @Option(names = "--repository", paramLabel = "R", description = "Only events of this repository.")
    String repository;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "How long to wait for Kafka. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    Map<String, String> environment = System.getenv();

    /** The queue settings, or null after reporting a configuration problem to {@code err}. */
    QueueSettings settings(PrintWriter err) {
      Map<String, String> flags = new LinkedHashMap<>();
      if (bootstrapServers != null) {
        flags.put("kafka.bootstrapServers", bootstrapServers);
      }
      Optional<Path> file = Optional.ofNullable(config).or(() -> Optional
          .ofNullable(environment.get(ServeCommand.CONFIG_VARIABLE)).filter(s -> !s.isBlank()).map(Path::of));
      ConfigLoadResult result = new ConfigLoader(new PolicyConfigScanner(PolicyEngine.defaults()))
          .load(file, environment, flags, Path.of("").toAbsolutePath());
      if (result instanceof ConfigLoadResult.Invalid invalid) {
        err.println(invalid.report());
        return null;
      }
      GitopsConfig gitops = ((ConfigLoadResult.Loaded) result).config();
      if (gitops.kafka().bootstrapServers().isEmpty()) {
        err.println("floe-gitops dlq: no Kafka to read: set kafka.bootstrapServers, or pass"
            + " --bootstrap-servers with the address the running service's embedded broker logs");
        return null;
      }
      SecretResolver secrets = SecretResolvers.fromConfig(gitops, environment, Optional.empty());
      return QueueSettingsFactory.from(gitops, "floe-gitops-dlq", secrets::require);
    }

    Predicate<DeadLetters.Entry> byRepository() {
      return e -> repository == null || repository.equals(e.repository());
    }

    Duration timeout() {
      return Duration.ofSeconds(timeoutSeconds);
    }
  }

  @Command(name = "list", description = "Show dead-lettered events: delivery, repository, kind, ref, attempts, last error.")
  static final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Connection connection = new Connection();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      QueueSettings settings = connection.settings(err);
      if (settings == null) {
        err.flush();
        return 2;
      }
      List<DeadLetters.Entry> entries;
      try {
        entries = new DeadLetters(settings, connection.timeout()).list();
      } catch (Exception e) {
        err.println("floe-gitops dlq list: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        err.flush();
        return 1;
      }
      out.println(String.join("\t", "DELIVERY", "REPOSITORY", "KIND", "REF", "ATTEMPTS", "ERROR"));
      int shown = 0;
      for (DeadLetters.Entry e : entries) {
        if (connection.byRepository().test(e)) {
          out.println(String.join("\t", text(e.delivery()), text(e.repository()), text(e.kind()),
              text(e.ref()), text(e.attempts()), text(e.error())));
          shown++;
        }
      }
      out.println(shown + " dead-lettered event(s)");
      out.flush();
      return 0;
    }
  }

  @Command(name = "replay",
      description = "Put dead-lettered events back on the events topic (original key, payload and traceparent).")
  static final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Connection connection = new Connection();

    @Option(names = "--all", description = "Every dead-lettered event (with --repository: every one of it).")
    boolean all;

    @Parameters(paramLabel = "DELIVERY", arity = "0..*", description = "Delivery ids to replay.")
    List<String> deliveries = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!all && deliveries.isEmpty() && connection.repository == null) {
        err.println("floe-gitops dlq replay: name delivery ids, --repository R, or --all");
        err.flush();
        return 2;
      }
      QueueSettings settings = connection.settings(err);
      if (settings == null) {
        err.flush();
        return 2;
      }
      Set<String> wanted = Set.copyOf(deliveries);
      Predicate<DeadLetters.Entry> chosen = connection.byRepository()
          .and(e -> all || wanted.isEmpty() || wanted.contains(e.delivery()));
      try {
        DeadLetters dlq = new DeadLetters(settings, connection.timeout());
        int replayed = dlq.replay(dlq.list(), chosen);
        out.println("replayed " + replayed + " event(s) to " + settings.topic());
        out.flush();
        return 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      } catch (Exception e) {
        err.println("floe-gitops dlq replay: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        err.flush();
        return 1;
      }
    }
  }

  private static String text(String value) {
    return value == null ? "-" : value.replace('\t', ' ').replace('\n', ' ');
  }
}
