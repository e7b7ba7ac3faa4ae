package dev.floe.gitops.webhook.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real {@link EmbeddedKafkaBroker} per test JVM, shared by every test class that uses this
 * extension: a broker start costs about 1.5 s, so starting one per class would dominate the run.
 * It lives in the root store and is closed (and its data directory deleted) when the JVM's tests
 * end. Tests stay independent by using their own topic and group names.
 *
 * <p>Inject it as a parameter of type {@link EmbeddedKafkaBroker}, e.g. into {@code @BeforeAll}.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class)
        .broker;
  }

  /** The store closes it after the last test of the JVM. */
  @SuppressWarnings("deprecation") // CloseableResource as the brief asks; AutoCloseable for JUnit 5.13+.
  static final class SharedBroker implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    final Path dataDir;
    final EmbeddedKafkaBroker broker;

    private SharedBroker(Path dataDir, EmbeddedKafkaBroker broker) {
      this.dataDir = dataDir;
      this.broker = broker;
    }

    static SharedBroker start() {
      try {
        Path dir = Files.createTempDirectory("floe-gitops-kafka-test");
        return new SharedBroker(dir, EmbeddedKafkaBroker.start(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      broker.close();
      deleteRecursively(dataDir);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
