package dev.floe.gitops.webhook.git;

import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;

/**
 * How one transport authenticates: HTTPS credentials, or an SSH session factory that holds the key and the accepted
 * host keys. Either may be null; {@link #NONE} is anonymous (file:// and open test servers).
 */
public record GitAccess(CredentialsProvider credentials, SshSessionFactory ssh) {

  public static final GitAccess NONE = new GitAccess(null, null);

  /** Configures a transport before it connects. */
  public void apply(Transport transport) {
    if (credentials != null) {
      transport.setCredentialsProvider(credentials);
    }
    if (ssh != null && transport instanceof SshTransport sshTransport) {
      sshTransport.setSshSessionFactory(ssh);
    }
  }
}
