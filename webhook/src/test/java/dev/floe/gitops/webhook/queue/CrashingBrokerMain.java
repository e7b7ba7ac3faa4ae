package dev.floe.gitops.webhook.queue;

import java.nio.file.Path;

/**
 * Not a test: the child JVM of {@link BrokerCrashRestartTest}. Starts the embedded broker on the given data folder and
 * ports, says {@code ready}, and waits to be killed: SIGKILL cannot be simulated inside the test's own JVM.
 */
public final class CrashingBrokerMain {

  private CrashingBrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
