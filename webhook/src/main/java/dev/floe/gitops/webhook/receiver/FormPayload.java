package dev.floe.gitops.webhook.receiver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code payload} field of a form-encoded GitHub delivery, decoded; no other field is decoded
 * (GitHub sends only this one). The signature covers the form body as sent, so this runs on the
 * verified bytes as well as in the bounded name read.
 */
final class FormPayload {

  private FormPayload() {}

  /** The decoded field, or empty when it is absent, repeated or badly encoded. */
  static Optional<byte[]> field(byte[] body, String name) {
    String form = new String(body, StandardCharsets.US_ASCII); // URL-encoding is ASCII
    String prefix = name + "=";
    String found = null;
    int start = 0;
    while (start <= form.length()) {
      int end = form.indexOf('&', start);
      if (end < 0) {
        end = form.length();
      }
      if (form.startsWith(prefix, start)) {
        if (found != null) {
          return Optional.empty(); // two payloads: which one was meant is not ours to guess
        }
        found = form.substring(start + prefix.length(), end);
      }
      start = end + 1;
    }
    if (found == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(URLDecoder.decode(found, StandardCharsets.UTF_8)
          .getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
