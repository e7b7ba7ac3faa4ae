package dev.floe.gitops.webhook.receiver;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Objects;

/**
 * One delivery as the adapters see it: the headers, the raw body (exactly the bytes that were
 * signed) and the media type without parameters. Nothing here is trusted before verification.
 */
public record WebhookRequest(MultiMap headers, byte[] body, String mediaType) {

  public WebhookRequest {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    mediaType = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
  }

  /** A header's value, or null; header names are case-insensitive. */
  public String header(String name) {
    return headers.get(name);
  }
}
