package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.SigningConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.UnsupportedSigningFormatException;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.signing.ssh.SshSignerFactory;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Signs deploy commits with an SSH key (SSHSIG, namespace {@code git}), what {@code git verify-commit} checks with
 * {@code gpg.format=ssh} and what GitHub and GitLab show as verified for a registered signing key.
 *
 * <p>JGit's signer reads the key from a file, as C git does with {@code user.signingKey}; the key resolved from its
 * secret reference is written to an owner-only file in the data directory, rewritten when the secret's value changes
 * (rotation needs no restart). The value is resolved for each commit, so a missing secret fails that deploy with the
 * reference's name and where it was looked for, and the queue retries it.
 */
final class SshCommitSigner implements CommitSigner {

  private final SecretResolver secrets;
  private final SigningConfig config;
  private final Path keyFile;
  private final Signer signer = new SshSignerFactory().create();
  private final GpgConfig gpgConfig;
  private byte[] writtenDigest = new byte[0];

  SshCommitSigner(SecretResolver secrets, SigningConfig config, Path dataDir) {
    if (!SigningConfig.SSH.equals(config.format())) {
      throw new IllegalArgumentException("signing format '" + config.format() + "' is not supported; use ssh");
    }
    this.secrets = secrets;
    this.config = config;
    this.keyFile = dataDir.resolve("signing").resolve("deploy-signing-key");
    Config git = new Config();
    git.setString("gpg", null, "format", "ssh");
    this.gpgConfig = new GpgConfig(git);
  }

  /**
   * {@link CommitSigner#NONE} without {@code worker.signing}, else the signer of its format over the configured key
   * ({@link OpenPgpCommitSigner} for {@code openpgp}).
   */
  static CommitSigner from(Optional<SigningConfig> signing, SecretResolver secrets, Path dataDir) {
    return signing.<CommitSigner>map(s -> SigningConfig.OPENPGP.equals(s.format())
        ? new OpenPgpCommitSigner(secrets, s) : new SshCommitSigner(secrets, s, dataDir)).orElse(CommitSigner.NONE);
  }

  @Override
  public void sign(Repository repository, CommitBuilder commit, PersonIdent committer) throws IOException {
    Path key = writeKey(secrets.require(config.key()));
    CredentialsProvider passphrase = new Passphrase(config.passphrase().map(secrets::require));
    try {
      signer.signObject(repository, gpgConfig, commit, committer, key.toString(), passphrase);
    } catch (CanceledException | UnsupportedSigningFormatException | RuntimeException e) {
      // the kind of failure only, never the library's message or the exception as cause: a key parser's message may
      // quote the secret file it rejected, and causes reach logs
      throw new IOException("cannot sign the deploy commit with the SSH key of secret '" + config.key().name()
          + "' (worker.signing.key): " + e.getClass().getSimpleName()
          + "; it must be an OpenSSH private key (ssh-keygen -t ed25519), with worker.signing.passphrase if encrypted");
    }
  }

  /** Writes the key only when its value changed: same-directory temporary file, owner-only, then an atomic move. */
  private synchronized Path writeKey(SecretValue value) throws IOException {
    byte[] bytes = normalized(value.expose());
    byte[] digest = sha256(bytes);
    if (Arrays.equals(digest, writtenDigest) && Files.isRegularFile(keyFile)) {
      return keyFile;
    }
    Path dir = keyFile.getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
    Path tmp = posix
        ? Files.createTempFile(dir, "key-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, "key-", ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, keyFile, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    writtenDigest = digest;
    return keyFile;
  }

  /** Secrets set through environment variables often lose the final newline, which OpenSSH's parser needs. */
  private static byte[] normalized(String key) {
    String text = key.replace("\r\n", "\n").strip() + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers the key loader's passphrase prompt from the secret; none configured means the key is not encrypted. */
  private static final class Passphrase extends CredentialsProvider {
    private final Optional<SecretValue> value;

    Passphrase(Optional<SecretValue> value) {
      this.value = value;
    }

    @Override
    public boolean isInteractive() {
      return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
      return Arrays.stream(items).allMatch(i -> i instanceof CredentialItem.Password
          || i instanceof CredentialItem.InformationalMessage || i instanceof CredentialItem.YesNoType);
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
      if (value.isEmpty()) {
        return false;
      }
      for (CredentialItem item : items) {
        if (item instanceof CredentialItem.Password password) {
          password.setValue(value.get().expose().toCharArray());
        } else if (item instanceof CredentialItem.YesNoType yesNo) {
          yesNo.setValue(false);
        }
      }
      return true;
    }
  }
}
