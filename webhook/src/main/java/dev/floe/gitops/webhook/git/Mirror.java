package dev.floe.gitops.webhook.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * One bare mirror: the object database every render of a repository reads from and every deploy commit is built in.
 * Fetches name exact refs, so the cost of an event grows with what changed, not with the repository.
 *
 * <p>The lock serialises the worker and the reconciler on one mirror; events of one repository already arrive in
 * order on one partition.
 */
public final class Mirror implements AutoCloseable {

  private final String name;
  private final Repository repository;
  private final ReentrantLock lock = new ReentrantLock();

  Mirror(String name, Repository repository) {
    this.name = Objects.requireNonNull(name, "name");
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  public String name() {
    return name;
  }

  public Repository repository() {
    return repository;
  }

  public ReentrantLock lock() {
    return lock;
  }

  /** The refs a remote advertises (JGit's ls-remote): one round trip, no objects. */
  public Map<String, ObjectId> listRemote(String url, GitAccess access) throws IOException {
    try {
      Map<String, Ref> refs = org.eclipse.jgit.api.Git.lsRemoteRepository()
          .setRemote(url)
          .setTransportConfigCallback(t -> (access == null ? GitAccess.NONE : access).apply(t))
          .callAsMap();
      Map<String, ObjectId> out = new LinkedHashMap<>();
      refs.forEach((name, ref) -> {
        if (ref.getObjectId() != null && !name.endsWith("^{}")) {
          out.put(name, ref.getObjectId());
        }
      });
      return out;
    } catch (org.eclipse.jgit.api.errors.GitAPIException | RuntimeException e) {
      throw new IOException(Redaction.message(e), e);
    }
  }

  /**
   * ls-remote and fetch over one connection (one ref advertisement, then one negotiation): {@code choose} sees the
   * advertised refs and names {@code remote ref → local ref}; refs that already match locally are not asked for, and
   * local copies of refs the remote no longer has are deleted.
   *
   * @return the advertised refs
   */
  public Map<String, ObjectId> listAndFetch(String url, GitAccess access,
      java.util.function.Function<Map<String, ObjectId>, Map<String, String>> choose) throws IOException {
    try (Transport transport = open(url, access);
        FetchConnection connection = transport.openFetch()) {
      Map<String, ObjectId> advertised = new LinkedHashMap<>();
      for (Ref ref : connection.getRefs()) {
        if (ref.getObjectId() != null && !ref.getName().endsWith("^{}")) {
          advertised.put(ref.getName(), ref.getObjectId());
        }
      }
      Map<String, String> wanted = choose.apply(advertised);
      List<Ref> want = new ArrayList<>();
      Map<String, ObjectId> updates = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : wanted.entrySet()) {
        Ref remote = connection.getRef(e.getKey());
        if (remote == null || remote.getObjectId() == null) {
          delete(e.getValue());
          continue;
        }
        if (!remote.getObjectId().equals(resolve(e.getValue()).orElse(null))) {
          updates.put(e.getValue(), remote.getObjectId());
          if (!repository.getObjectDatabase().has(remote.getObjectId())) {
            want.add(remote);
          }
        }
      }
      if (!want.isEmpty()) {
        connection.fetch(NullProgressMonitor.INSTANCE, want, java.util.Set.of());
      }
      for (Map.Entry<String, ObjectId> u : updates.entrySet()) {
        setLocal(u.getKey(), u.getValue());
      }
      return advertised;
    } catch (TransportException e) {
      throw new IOException(Redaction.message(e), e);
    }
  }

  /** The local id of a ref, if present. */
  public Optional<ObjectId> resolve(String ref) throws IOException {
    Ref r = repository.exactRef(ref);
    return r == null || r.getObjectId() == null ? Optional.empty() : Optional.of(r.getObjectId());
  }

  /** Records a ref locally after our own successful push, so the next render needs no fetch to see it. */
  public void setLocal(String ref, ObjectId id) throws IOException {
    RefUpdate update = repository.updateRef(ref);
    update.setNewObjectId(id);
    update.setForceUpdate(true);
    RefUpdate.Result result = update.update();
    if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE || result == RefUpdate.Result.REJECTED) {
      throw new IOException("failed to update local ref " + ref + ": " + result);
    }
  }

  private void delete(String ref) throws IOException {
    if (repository.exactRef(ref) == null) {
      return;
    }
    RefUpdate update = repository.updateRef(ref);
    update.setForceUpdate(true);
    update.delete();
  }

  Transport open(String url, GitAccess access) throws IOException {
    try {
      Transport transport = Transport.open(repository, new URIish(url));
      (access == null ? GitAccess.NONE : access).apply(transport);
      return transport;
    } catch (java.net.URISyntaxException e) {
      throw new IOException("invalid repository URL for " + name);
    } catch (NotSupportedException | TransportException e) {
      throw new IOException(Redaction.message(e), e);
    }
  }

  /** Opens a transport for a push; the caller closes it. */
  public Transport openTransport(String url, GitAccess access) throws IOException {
    return open(url, access);
  }

  @Override
  public void close() {
    repository.close();
  }
}
