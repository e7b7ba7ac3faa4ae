package dev.floe.gitops.webhook.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The normalised webhook event as it travels on the queue (SPEC §2; schema in
 * docs/event-schema.md). Provider differences end at the receiver: the worker sees only this.
 *
 * <p>A push carries {@code ref}, {@code before} and {@code after}; a pull request carries {@code
 * ref} (the head branch), {@code headSha}, {@code baseRef}, {@code prNumber} and, for a fork,
 * {@code headRepository}. The fields of the other kind are null. The constructor enforces this, so
 * an instance is always a valid record. A violation is an {@link InvalidFieldException} naming the
 * field, which {@link EventRecordCodec} turns into its {@link DecodeException}: one set of rules.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code; a reader accepts higher
 *     versions (forward compatibility) and reads the fields it knows
 * @param repository the configured repository name (not the host's spelling), also the topic key
 * @param receivedAt when the receiver accepted the delivery, an ISO-8601 instant
 * @param traceparent W3C trace context of the receiving request, or null
 */
public record EventRecord(
    int schemaVersion,
    Provider provider,
    String deliveryId,
    String repository,
    String cloneUrl,
    EventKind kind,
    String ref,
    String before,
    String after,
    String headSha,
    String baseRef,
    Integer prNumber,
    String headRepository,
    String receivedAt,
    String traceparent) {

  public static final int SCHEMA_VERSION = 1;

  static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  /** Bitbucket Cloud names a pull request's head by an abbreviated id (12 hex); the worker resolves it. */
  static final Pattern ABBREVIATED_COMMIT_ID = Pattern.compile("[0-9a-f]{7,39}");
  /** What {@code Instant.toString()} writes: UTC with a Z, so every record spells time alike. */
  static final Pattern UTC_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  public EventRecord {
    if (schemaVersion < 1) {
      throw new InvalidFieldException("schemaVersion", "must be >= 1");
    }
    requirePresent(provider, "provider");
    requirePresent(kind, "kind");
    requireText(deliveryId, "deliveryId");
    requireText(repository, "repository");
    requireText(cloneUrl, "cloneUrl");
    requireText(ref, "ref");
    requireInstant(receivedAt);
    if (traceparent != null && !TRACEPARENT.matcher(traceparent).matches()) {
      throw new InvalidFieldException("traceparent", "must be a W3C traceparent (00-<32 hex>-<16 hex>-<2 hex>)");
    }
    if (kind == EventKind.PUSH) {
      requireCommit(before, "before");
      requireCommit(after, "after");
      requireAbsent(headSha, "headSha", kind);
      requireAbsent(baseRef, "baseRef", kind);
      requireAbsent(prNumber, "prNumber", kind);
      requireAbsent(headRepository, "headRepository", kind);
    } else {
      if (headSha == null || !COMMIT_ID.matcher(headSha).matches()
          && !ABBREVIATED_COMMIT_ID.matcher(headSha).matches()) {
        throw new InvalidFieldException("headSha",
            "must be a lower-case hex commit id: 40 or 64 characters, or abbreviated to at least 7");
      }
      requireText(baseRef, "baseRef");
      requirePresent(prNumber, "prNumber");
      if (prNumber < 1) {
        throw new InvalidFieldException("prNumber", "must be >= 1");
      }
      if (headRepository != null) {
        requireText(headRepository, "headRepository");
      }
      requireAbsent(before, "before", kind);
      requireAbsent(after, "after", kind);
    }
  }

  /** A pull request whose head the host named by an abbreviated id (Bitbucket Cloud): statuses need the full one. */
  public boolean headShaAbbreviated() {
    return headSha != null && !COMMIT_ID.matcher(headSha).matches();
  }

  /** A push of {@code ref} from {@code before} to {@code after}, written at the current schema. */
  public static EventRecord push(
      Provider provider,
      String deliveryId,
      String repository,
      String cloneUrl,
      String ref,
      String before,
      String after,
      Instant receivedAt,
      String traceparent) {
    return new EventRecord(SCHEMA_VERSION, provider, deliveryId, repository, cloneUrl,
        EventKind.PUSH, ref, before, after, null, null, null, null, receivedAt.toString(),
        traceparent);
  }

  /** A pull request opened or updated; {@code headRepository} is the fork's full name or null. */
  public static EventRecord pullRequest(
      Provider provider,
      String deliveryId,
      String repository,
      String cloneUrl,
      String ref,
      String headSha,
      String baseRef,
      int prNumber,
      String headRepository,
      Instant receivedAt,
      String traceparent) {
    return new EventRecord(SCHEMA_VERSION, provider, deliveryId, repository, cloneUrl,
        EventKind.PULL_REQUEST, ref, null, null, headSha, baseRef, prNumber, headRepository,
        receivedAt.toString(), traceparent);
  }

  private static void requirePresent(Object value, String name) {
    if (value == null) {
      throw new InvalidFieldException(name, "is required");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(name, "must be a non-blank string");
    }
  }

  private static void requireCommit(String value, String name) {
    if (value == null || !COMMIT_ID.matcher(value).matches()) {
      throw new InvalidFieldException(name, "must be a 40 or 64 character lower-case hex commit id");
    }
  }

  private static void requireAbsent(Object value, String name, EventKind kind) {
    if (value != null) {
      throw new InvalidFieldException(name, "must be absent for kind " + kind.wireName());
    }
  }

  private static void requireInstant(String value) {
    requireText(value, "receivedAt");
    if (!UTC_INSTANT.matcher(value).matches()) {
      throw new InvalidFieldException("receivedAt", "must be an ISO-8601 instant in UTC such as 2026-11-29T04:40:26Z");
    }
    try {
      Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("receivedAt", "must be an ISO-8601 instant such as 2026-11-29T04:40:26Z");
    }
  }
}
