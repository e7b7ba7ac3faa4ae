package dev.floe.gitops.webhook.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An SSH git host for tests: Apache MINA sshd (the server half of the client JGit uses) runs C git's
 * {@code upload-pack} / {@code receive-pack} for {@code git-upload-pack '<path>'} commands, paths relative to
 * {@code root}. Only the one client key is accepted.
 */
public final class SshGitServer implements AutoCloseable {

  private final SshServer server;
  private final KeyPair hostKey;

  public SshGitServer(Path root, PublicKey clientKey, KeyPair hostKey) throws IOException {
    this.hostKey = hostKey;
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey));
    server.setCommandFactory((channel, command) -> new GitCommand(root, command));
    server.start();
  }

  public int port() {
    return server.getPort();
  }

  public String url(String name) {
    return "ssh://git@127.0.0.1:" + port() + "/" + name;
  }

  /** The known_hosts line accepting this server. */
  public String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  private static final class GitCommand implements Command {
    private final Path root;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    GitCommand(Path root, String command) {
      this.root = root;
      this.command = command;
    }

    @Override public void setInputStream(InputStream in) { this.in = in; }
    @Override public void setOutputStream(OutputStream out) { this.out = out; }
    @Override public void setErrorStream(OutputStream err) { this.err = err; }
    @Override public void setExitCallback(ExitCallback exit) { this.exit = exit; }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      String[] parts = command.split(" ", 2);
      String service = parts[0];
      if (!List.of("git-upload-pack", "git-receive-pack").contains(service) || parts.length < 2) {
        exit.onExit(1, "unsupported command");
        return;
      }
      String path = parts[1].replace("'", "");
      while (path.startsWith("/")) {
        path = path.substring(1);
      }
      ProcessBuilder pb = new ProcessBuilder("git", service.substring(4), root.resolve(path).toString());
      pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      process = pb.start();
      Thread input = new Thread(() -> pump(in, process.getOutputStream(), true), "ssh-git-in");
      Thread output = new Thread(() -> {
        pump(process.getInputStream(), out, false);
        pump(process.getErrorStream(), err, false);
        try {
          int code = process.waitFor();
          out.flush();
          exit.onExit(code);
        } catch (InterruptedException | IOException e) {
          exit.onExit(1);
        }
      }, "ssh-git-out");
      input.setDaemon(true);
      output.setDaemon(true);
      input.start();
      output.start();
    }

    private static void pump(InputStream from, OutputStream to, boolean closeTarget) {
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = from.read(buf)) > 0) {
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // the other side went away
      } finally {
        if (closeTarget) {
          try {
            to.close();
          } catch (IOException ignored) {
            // nothing left to tell
          }
        }
      }
    }

    @Override
    public void destroy(ChannelSession channel) {
      if (process != null) {
        process.destroy();
      }
    }
  }

  /** PEM text of a private key (PKCS#8), as an operator would put it in a secret. */
  public static String pem(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
