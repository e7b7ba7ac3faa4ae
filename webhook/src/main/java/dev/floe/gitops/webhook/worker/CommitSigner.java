package dev.floe.gitops.webhook.worker;

import java.io.IOException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/** Adds a signature to a deploy commit before it is written (SPEC §4: optional signing). */
public interface CommitSigner {

  /** Deploy commits stay unsigned: no {@code worker.signing} configured. */
  CommitSigner NONE = (repository, commit, committer) -> { };

  /** Sets the commit's signature over its other fields; an error names the key's reference, never its value. */
  void sign(Repository repository, CommitBuilder commit, PersonIdent committer) throws IOException;
}
