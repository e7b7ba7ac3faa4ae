package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A verified push or pull request → the event records to queue, or the reason there are none
 * (deploy branches: our own commits coming back). The repository and clone URL are the
 * configured ones; nothing from the payload that could point elsewhere gets into a record.
 */
public final class RecordFactory {

  /** Records to publish, or nothing to do and why. */
  public sealed interface Result {}

  public record Records(List<EventRecord> records) implements Result {
    public Records {
      records = List.copyOf(records);
    }
  }

  public record Skip(String reason) implements Result {}

  private static final String HEADS = "refs/heads/";

  private final ServedRepositories served;

  public RecordFactory(ServedRepositories served) {
    this.served = served;
  }

  /**
   * @param event a Push, Pushes or PullRequest
   * @param deliveryId the host's id; with several pushes each record gets {@code id#n} so the
   *     worker's duplicate window tells them apart
   */
  public Result records(Provider provider, String deliveryId, RepositoryConfig repository,
      ParsedEvent event, Instant receivedAt, String traceparent) {
    List<ParsedEvent.Push> pushes;
    if (event instanceof ParsedEvent.Push push) {
      pushes = List.of(push);
    } else if (event instanceof ParsedEvent.Pushes many) {
      pushes = many.pushes();
    } else if (event instanceof ParsedEvent.PullRequest pr) {
      return new Records(List.of(EventRecord.pullRequest(provider, deliveryId, repository.name(),
          repository.url(), pr.headRef(), pr.headSha(), pr.baseRef(), pr.number(),
          pr.headRepository(), receivedAt, traceparent)));
    } else {
      throw new IllegalArgumentException("not a queued event: " + event.getClass().getSimpleName());
    }
    List<EventRecord> records = new ArrayList<>();
    for (int i = 0; i < pushes.size(); i++) {
      ParsedEvent.Push push = pushes.get(i);
      if (push.ref().startsWith(HEADS)
          && served.isDeployBranch(repository, push.ref().substring(HEADS.length()))) {
        continue;
      }
      String id = pushes.size() == 1 ? deliveryId : deliveryId + "#" + (i + 1);
      records.add(EventRecord.push(provider, id, repository.name(), repository.url(), push.ref(),
          push.before(), push.after(), receivedAt, traceparent));
    }
    return records.isEmpty() ? new Skip("push to a deploy branch") : new Records(records);
  }
}
