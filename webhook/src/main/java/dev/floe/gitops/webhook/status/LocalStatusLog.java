package dev.floe.gitops.webhook.status;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where statuses and comments go when no token is configured for a repository (SPEC §5): a log line and a bounded
 * in-memory list the report page can show. Nothing is sent anywhere.
 */
public final class LocalStatusLog implements StatusClient {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStatusLog.class);

  /** One recorded status or comment. */
  public record Entry(String repository, CommitStatus status, Integer pullRequest, String comment) {}

  private final String repository;
  private final Deque<Entry> entries;
  private final int capacity;

  public LocalStatusLog(String repository, int capacity) {
    this.repository = repository;
    this.capacity = capacity;
    this.entries = new ArrayDeque<>();
  }

  @Override
  public synchronized PostResult post(CommitStatus status) {
    LOG.info("status (recorded, no token for {}): {} {} on {}: {}", repository, status.context(), status.state(),
        status.sha(), status.description());
    add(new Entry(repository, status, null, null));
    return new PostResult.Recorded();
  }

  @Override
  public synchronized PostResult upsertComment(int pullRequest, String body) {
    LOG.info("comment (recorded, no token for {}) on pull request {}: {} characters", repository, pullRequest,
        body.length());
    add(new Entry(repository, null, pullRequest, body));
    return new PostResult.Recorded();
  }

  private void add(Entry e) {
    entries.addLast(e);
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }
}
