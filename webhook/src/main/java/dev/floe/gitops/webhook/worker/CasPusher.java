package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.webhook.git.Mirror;
import dev.floe.gitops.webhook.git.Redaction;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import dev.floe.gitops.webhook.git.GitAccess;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * push: a compare-and-swap on the deploy branch. The update carries the id we built on (zero: the branch must not
 * exist yet), so a writer that raced us makes the host refuse ours instead of one of us overwriting the other. No
 * force, ever: deploy branches only fast-forward. JGit reports the refusal as a status value, which is returned.
 */
final class CasPusher {

  sealed interface Push {}

  record Pushed() implements Push {}

  /** Someone else moved the branch (or the host refused for another reason): fetch, decide again. */
  record Rejected(RemoteRefUpdate.Status status, String message) implements Push {}

  Push push(Mirror mirror, String url, GitAccess credentials, String branchRef, ObjectId commit,
      ObjectId expectedOld) throws IOException {
    ObjectId expected = expectedOld == null ? ObjectId.zeroId() : expectedOld;
    RemoteRefUpdate update = new RemoteRefUpdate(mirror.repository(), commit.name(), branchRef, false, null, expected);
    try (Transport transport = mirror.openTransport(url, credentials)) {
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      RemoteRefUpdate outcome = result.getRemoteUpdate(branchRef);
      RemoteRefUpdate.Status status = outcome == null ? update.getStatus() : outcome.getStatus();
      if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
        return new Pushed();
      }
      String message = outcome == null ? null : outcome.getMessage();
      return new Rejected(status, message == null ? "" : Redaction.redact(message));
    } catch (org.eclipse.jgit.errors.TransportException e) {
      throw new IOException(Redaction.message(e), e);
    }
  }
}
