package dev.floe.gitops.webhook.event;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes arrive on the topic, decode ends in a record or a {@link DecodeException}: the
 * consumer relies on that to dead-letter a bad record instead of stalling its partition. Without
 * JAZZER_FUZZ set this runs the seed corpus under {@code EventRecordCodecFuzzTestInputs/decode}.
 */
class EventRecordCodecFuzzTest {

  private final EventRecordCodec codec = new EventRecordCodec();

  @FuzzTest(maxDuration = "30s")
  void decode(byte[] data) {
    try {
      EventRecord record = codec.decode(data);
      // A record that decodes must encode and decode to itself.
      if (!codec.decode(codec.encode(record)).equals(record)) {
        throw new AssertionError("round trip changed the record");
      }
    } catch (DecodeException expected) {
      // the documented outcome for bad input
    }
  }
}
