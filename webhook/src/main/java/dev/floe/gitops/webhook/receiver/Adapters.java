package dev.floe.gitops.webhook.receiver;

import java.util.Optional;
import java.util.regex.Pattern;

/** Small rules every adapter shares. */
final class Adapters {

  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";

  /** Printable ASCII without spaces: every host's delivery ids (UUIDs) fit, log lines stay clean. */
  private static final Pattern DELIVERY_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_:. -]{1,64}");

  private Adapters() {}

  static Optional<String> deliveryId(WebhookRequest request, String... headers) {
    for (String header : headers) {
      String value = request.header(header);
      if (value != null && DELIVERY_ID.matcher(value.trim()).matches()) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }

  /** "event 'issues' is not acted on", naming the event only when it looks like an event name. */
  static ParsedEvent.Ignored ignoredEvent(String event) {
    if (event != null && EVENT_NAME.matcher(event).matches()) {
      return new ParsedEvent.Ignored("event '" + event + "' is not acted on");
    }
    return new ParsedEvent.Ignored("event type is not acted on");
  }

  static ParsedEvent.Ignored ignoredAction(String event, String action, java.util.Set<String> known) {
    String named = known.contains(action) ? " '" + action + "'" : "";
    return new ParsedEvent.Ignored(event + " action" + named + " is not acted on");
  }

  /** A push, or Ignored when it deletes the ref (SPEC §2). */
  static ParsedEvent push(String ref, String before, String after) {
    if (Payload.isZero(after)) {
      return new ParsedEvent.Ignored("ref deleted");
    }
    return new ParsedEvent.Push(ref, before, after);
  }

  /** The first value of a header, trimmed, or null. */
  static String header(WebhookRequest request, String... names) {
    for (String name : names) {
      String value = request.header(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  /** A {@code sha256=<hex>} header (GitHub, Bitbucket Cloud). */
  static SignatureHeader prefixedSha256(WebhookRequest request, String header) {
    String value = request.header(header);
    if (value == null || value.isBlank()) {
      return new SignatureHeader.Absent(header);
    }
    String trimmed = value.trim();
    if (!trimmed.regionMatches(true, 0, "sha256=", 0, 7)) {
      return new SignatureHeader.Unsupported(header + " must be sha256=<hex HMAC-SHA256>");
    }
    return new SignatureHeader.Present(trimmed.substring(7));
  }
}
