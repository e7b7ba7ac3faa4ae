package dev.floe.gitops.webhook.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * C git's {@code git http-backend} (CGI) behind the JDK's HttpServer: real smart HTTP for the worker's tests and for
 * {@code floe-gitops demo}, with no servlet container (BUILD-NOTES §4). Loopback only; a development tool, not a Git
 * host. Repositories are the bare folders under {@code root}, served at
 * {@code http://127.0.0.1:PORT/git/<name>.git}; push is allowed by {@code GIT_HTTP_EXPORT_ALL} plus
 * {@code http.receivepack=true} in each repository's config.
 */
public final class GitHttpBackendServer implements AutoCloseable {

  private static final String DEBIAN_BACKEND = "/usr/lib/git-core/git-http-backend";

  private final String backend;

  private final Path root;
  private volatile String fetchPassword;
  private volatile String pushPassword;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "git-http-backend");
    t.setDaemon(true);
    return t;
  });

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  public GitHttpBackendServer(Path root) throws IOException {
    this(root, 0);
  }

  /** On a given port (0: any), so a test can stop the server and start it again at the same URL. */
  public GitHttpBackendServer(Path root, int port) throws IOException {
    this.root = root;
    this.backend = locateBackend();
    // Without TCP_NODELAY the JDK server's small writes (headers, then each CGI chunk) wait for the client's delayed
    // ACK: about 40 ms per Git exchange, which had made every fetch and push here 2-3x slower than the Git work. The
    // JDK reads this once, when its first HttpServer starts; the build sets it for test JVMs before anything starts.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/git/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * The CGI in {@code git --exec-path} (Debian's path when git cannot say).
   *
   * @throws IOException when git is not on the PATH or ships no http-backend
   */
  static String locateBackend() throws IOException {
    String execPath;
    try {
      Process git = new ProcessBuilder("git", "--exec-path").redirectErrorStream(true).start();
      execPath = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (git.waitFor() != 0) {
        execPath = "";
      }
    } catch (IOException e) {
      throw new IOException("git is not on the PATH (needed to serve repositories over HTTP): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking git for its exec path", e);
    }
    Path candidate = execPath.isEmpty() ? Path.of(DEBIAN_BACKEND) : Path.of(execPath, "git-http-backend");
    if (!java.nio.file.Files.isExecutable(candidate)) {
      throw new IOException("git-http-backend not found at " + candidate + " (install C git with its http-backend)");
    }
    return candidate.toString();
  }

  /**
   * From now on, fetches need HTTP Basic with {@code fetchPassword} and pushes with {@code pushPassword} (any user
   * name), as a host with a read token and a separate write token would.
   */
  public void requireBasicAuth(String fetchPassword, String pushPassword) {
    this.fetchPassword = fetchPassword;
    this.pushPassword = pushPassword;
  }

  private boolean authorised(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    boolean push = exchange.getRequestURI().getRawPath().endsWith("/git-receive-pack")
        || (query != null && query.contains("service=git-receive-pack"));
    String expected = push ? pushPassword : fetchPassword;
    if (expected == null) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    return decoded.endsWith(":" + expected);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The clone URL of {@code <root>/<name>}. */
  public String url(String name) {
    return "http://127.0.0.1:" + port() + "/git/" + name;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorised(exchange)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path = exchange.getRequestURI().getRawPath().substring("/git".length());
      ProcessBuilder pb = new ProcessBuilder(backend);
      Map<String, String> env = pb.environment();
      env.put("GIT_PROJECT_ROOT", root.toString());
      env.put("GIT_HTTP_EXPORT_ALL", "1");
      env.put("GIT_CONFIG_NOSYSTEM", "1");
      env.put("PATH_INFO", path);
      env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
      env.put("REQUEST_METHOD", exchange.getRequestMethod());
      env.put("REMOTE_ADDR", "127.0.0.1");
      env.put("REMOTE_USER", "floe");
      putHeader(exchange, env, "Content-Type", "CONTENT_TYPE");
      putHeader(exchange, env, "Content-Encoding", "HTTP_CONTENT_ENCODING");
      putHeader(exchange, env, "Git-Protocol", "GIT_PROTOCOL");
      // no CONTENT_LENGTH: http-backend then reads the de-chunked body until EOF
      Process process = pb.start();
      threads.submit(() -> pump(exchange.getRequestBody(), process.getOutputStream()));
      threads.submit(() -> process.getErrorStream().readAllBytes());
      InputStream out = process.getInputStream();
      int status = 200;
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (true) {
        String header = readLine(out, line);
        if (header == null || header.isEmpty()) {
          break;
        }
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim();
        String value = header.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Status")) {
          status = Integer.parseInt(value.split(" ")[0]);
        } else {
          exchange.getResponseHeaders().add(name, value);
        }
      }
      exchange.sendResponseHeaders(status, 0); // chunked
      try (OutputStream body = exchange.getResponseBody()) {
        out.transferTo(body);
      }
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void putHeader(HttpExchange exchange, Map<String, String> env, String header, String variable) {
    String value = exchange.getRequestHeaders().getFirst(header);
    if (value != null) {
      env.put(variable, value);
    }
  }

  private static Void pump(InputStream in, OutputStream out) {
    try (in; out) {
      in.transferTo(out);
    } catch (IOException e) {
      // the CGI exited early; its answer says why
    }
    return null;
  }

  private static String readLine(InputStream in, ByteArrayOutputStream buf) throws IOException {
    buf.reset();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      buf.write(c);
    }
    return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
