package dev.floe.gitops.bench.soak;

import dev.floe.gitops.webhook.git.GitHttpBackendServer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Git host: bare repositories served over smart HTTP by C git's {@code git http-backend} on one loopback port,
 * which {@link #stop()} and {@link #start()} keep, so the service's configured URLs survive an outage.
 */
final class GitHost implements AutoCloseable {

  private final Path root;
  private final int port;
  private GitHttpBackendServer server;

  private GitHost(Path root, GitHttpBackendServer server) {
    this.root = root;
    this.server = server;
    this.port = server.port();
  }

  static GitHost serve(Path root) throws IOException {
    return new GitHost(root, new GitHttpBackendServer(root, 0));
  }

  String url(String bareName) {
    return "http://127.0.0.1:" + port + "/git/" + bareName;
  }

  Path root() {
    return root;
  }

  synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  synchronized void start() throws IOException {
    if (server == null) {
      server = new GitHttpBackendServer(root, port);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
