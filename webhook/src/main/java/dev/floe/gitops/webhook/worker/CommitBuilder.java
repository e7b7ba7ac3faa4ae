package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.compiler.RenderedTree;
import dev.floe.gitops.runtime.config.GitIdentity;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * commit: blobs, trees and the commit are written straight into the mirror's object database (no index file, no
 * working tree). The tree is the compiler's bytes with mode 100644 everywhere, so the same render always gives the
 * same tree id, which is how "nothing changed" is detected.
 */
final class CommitBuilder {

  static final String SOURCE_COMMIT = "Floe-Source-Commit";
  static final String SOURCE_REF = "Floe-Source-Ref";
  static final String ENVIRONMENT = "Floe-Environment";
  static final String PLATFORM_DIGEST = "Floe-Platform-Digest";
  static final String DELIVERY = "Floe-Delivery";
  static final String ROLLBACK = "Floe-Rollback";
  static final String ROLLED_BACK_FROM = "Floe-Rolled-Back-From";

  /** What the commit says about itself. {@code rolledBackFrom} is null unless this is a rollback. */
  record Message(String environment, ObjectId sourceCommit, String sourceRef, String platformDigest, String delivery,
      String rolledBackFrom) {

    String text() {
      StringBuilder sb = new StringBuilder()
          .append("floe: render ").append(environment).append(" from ").append(sourceCommit.name(), 0, 12)
          .append("\n\n")
          .append(SOURCE_COMMIT).append(": ").append(sourceCommit.name()).append('\n')
          .append(SOURCE_REF).append(": ").append(oneLine(sourceRef)).append('\n')
          .append(ENVIRONMENT).append(": ").append(oneLine(environment)).append('\n')
          .append(PLATFORM_DIGEST).append(": ").append(platformDigest).append('\n')
          .append(DELIVERY).append(": ").append(oneLine(delivery)).append('\n');
      if (rolledBackFrom != null) {
        sb.append(ROLLBACK).append(": true\n").append(ROLLED_BACK_FROM).append(": ").append(oneLine(rolledBackFrom)).append('\n');
      }
      return sb.toString();
    }

    /** A delivery id comes from a webhook header: a line break in it must not forge a trailer. */
    private static String oneLine(String value) {
      return value == null ? "" : value.replaceAll("[\\x00-\\x1f\\x7f]", " ").strip();
    }
  }

  private final GitIdentity author;
  private final GitIdentity committer;
  private final Clock clock;
  private final CommitSigner signer;

  CommitBuilder(GitIdentity author, GitIdentity committer, Clock clock) {
    this(author, committer, clock, CommitSigner.NONE);
  }

  CommitBuilder(GitIdentity author, GitIdentity committer, Clock clock, CommitSigner signer) {
    this.author = author;
    this.committer = committer;
    this.clock = clock;
    this.signer = signer;
  }

  /**
   * The root tree id the render would have, computed without writing anything: an unchanged render (redeliveries,
   * unrelated pushes, reconciler ticks) then costs no object-database writes at all.
   */
  static ObjectId treeId(RenderedTree tree) throws IOException {
    try (ObjectInserter.Formatter formatter = new IdsOnly()) {
      return buildTree(formatter, tree);
    }
  }

  /** JGit's Formatter computes ids but refuses inserts; this one answers every insert with the id alone. */
  private static final class IdsOnly extends ObjectInserter.Formatter {
    @Override
    public ObjectId insert(int type, byte[] data, int off, int len) {
      return idFor(type, data, off, len);
    }
  }

  /** Writes the tree's blobs and trees; returns the root tree id. */
  ObjectId writeTree(Repository repository, RenderedTree tree) throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      ObjectId id = buildTree(inserter, tree);
      inserter.flush();
      return id;
    }
  }

  private static ObjectId buildTree(ObjectInserter inserter, RenderedTree tree) throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      DirCacheEntry entry = new DirCacheEntry(file.getKey());
      entry.setFileMode(FileMode.REGULAR_FILE);
      entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
      builder.add(entry);
    }
    builder.finish(); // sorts in Git's path order
    return index.writeTree(inserter);
  }

  /** Writes the commit of {@code tree} on top of {@code parent} (null for the first render). */
  ObjectId writeCommit(Repository repository, ObjectId tree, ObjectId parent, Message message) throws IOException {
    TimeZone utc = TimeZone.getTimeZone("UTC");
    java.time.Instant now = clock.instant();
    org.eclipse.jgit.lib.CommitBuilder commit = new org.eclipse.jgit.lib.CommitBuilder();
    commit.setTreeId(tree);
    if (parent != null) {
      commit.setParentId(parent);
    }
    commit.setAuthor(new PersonIdent(author.name(), author.email(), now, utc.toZoneId()));
    PersonIdent committedBy = new PersonIdent(committer.name(), committer.email(), now, utc.toZoneId());
    commit.setCommitter(committedBy);
    commit.setMessage(message.text());
    signer.sign(repository, commit, committedBy);
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }
}
