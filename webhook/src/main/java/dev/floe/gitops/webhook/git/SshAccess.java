package dev.floe.gitops.webhook.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * SSH for {@code ssh://} and scp-like URLs through JGit's Apache MINA sshd client: the private key comes from a secret
 * reference (never a file of the service's home), and the host is accepted only when its key is among the configured
 * known-hosts lines; there is no trust on first use.
 */
public final class SshAccess {

  private static final Pattern SCP_LIKE = Pattern.compile("^[^/@:]+@[^/:]+:.+$");

  private SshAccess() {}

  public static boolean isSsh(String url) {
    return url.startsWith("ssh://") || url.startsWith("git+ssh://") || SCP_LIKE.matcher(url).matches();
  }

  /**
   * @param privateKey OpenSSH or PEM (PKCS#1, PKCS#8) private key text
   * @param knownHosts {@code known_hosts} lines ({@code host[,host] keytype base64}); {@code *} matches any host
   * @param home an empty folder the sshd client may treat as the user's home, so the process user's own
   *     {@code ~/.ssh} (keys, config, known hosts) never takes part
   */
  public static SshSessionFactory sessionFactory(String privateKey, String knownHosts, Path home) {
    List<KeyPair> keys = keys(privateKey);
    List<HostKey> accepted = hostKeys(knownHosts);
    try {
      Files.createDirectories(home.resolve(".ssh"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SshdSessionFactoryBuilder()
        .setHomeDirectory(home.toFile())
        .setSshDirectory(home.resolve(".ssh").toFile())
        .setDefaultKeysProvider(dir -> keys)
        .setPreferredAuthentications("publickey")
        .setServerKeyDatabase((h, s) -> new KnownKeys(accepted))
        .build(null);
  }

  private record HostKey(List<String> hosts, PublicKey key) {}

  private static List<KeyPair> keys(String privateKey) {
    try {
      List<KeyPair> out = new ArrayList<>();
      Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, () -> "sshKey",
          new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.UTF_8)), null);
      if (loaded != null) {
        loaded.forEach(out::add);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("the SSH key secret holds no private key");
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      // the parser's message could quote key material: only its type is kept
      throw new IllegalArgumentException("the SSH key secret is not a readable private key (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static List<HostKey> hostKeys(String knownHosts) {
    List<HostKey> out = new ArrayList<>();
    for (String line : knownHosts.split("\n")) {
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+", 2);
      if (parts.length < 2) {
        continue;
      }
      try {
        PublicKey key = PublicKeyEntry.parsePublicKeyEntry(parts[1]).resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
        if (key != null) {
          out.add(new HostKey(List.of(parts[0].split(",")), key));
        }
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        // an unreadable line accepts nothing
      }
    }
    return out;
  }

  /** Accepts exactly the configured keys; never adds one. */
  private record KnownKeys(List<HostKey> accepted) implements ServerKeyDatabase {

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
      List<PublicKey> out = new ArrayList<>();
      accepted.stream().filter(k -> matches(k, connectAddress, remoteAddress)).forEach(k -> out.add(k.key()));
      return out;
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
        Configuration config, CredentialsProvider provider) {
      return accepted.stream().anyMatch(k -> matches(k, connectAddress, remoteAddress) && KeyUtils.compareKeys(k.key(), serverKey));
    }

    private static boolean matches(HostKey key, String connectAddress, InetSocketAddress remote) {
      for (String host : key.hosts()) {
        if (host.equals("*") || host.equals(connectAddress) || host.equals(remote.getHostString())
            || host.equals("[" + remote.getHostString() + "]:" + remote.getPort())) {
          return true;
        }
      }
      return false;
    }
  }
}
