package dev.floe.gitops.webhook.receiver;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The W3C trace context an event carries onto the queue: the caller's trace continued with a new
 * span id for the receipt, or a new trace when the caller sent none or an invalid one.
 */
final class Traceparent {

  private static final Pattern VALID =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);
  private static final HexFormat HEX = HexFormat.of();

  private Traceparent() {}

  static String continueOrStart(String incoming) {
    if (incoming != null) {
      var m = VALID.matcher(incoming.trim());
      if (m.matches() && !m.group(1).equals("ff") && !m.group(2).equals(ZERO_TRACE)
          && !m.group(3).equals(ZERO_SPAN)) {
        return "00-" + m.group(2) + "-" + spanId() + "-" + m.group(4);
      }
    }
    return "00-" + traceId() + "-" + spanId() + "-01";
  }

  private static String traceId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String id;
    do {
      id = HEX.toHexDigits(r.nextLong()) + HEX.toHexDigits(r.nextLong());
    } while (id.equals(ZERO_TRACE));
    return id;
  }

  private static String spanId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String id;
    do {
      id = HEX.toHexDigits(r.nextLong());
    } while (id.equals(ZERO_SPAN));
    return id;
  }
}
