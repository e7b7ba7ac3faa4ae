package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.webhook.event.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The most recently finished deliveries of one partition, least recently seen evicted first (SPEC
 * §4: duplicates are recognised by a bounded window kept by the partition's owner). Only a {@code
 * Done} delivery is remembered: a host's manual "redeliver" of an event that went to the DLQ keeps
 * its delivery id and must run again. Not thread-safe: one partition's records are handled on one
 * Vert.x context.
 */
public final class DeliveryWindow {

  public static final int DEFAULT_CAPACITY = 10_000;

  private record Key(Provider provider, String deliveryId) {}

  private final Map<Key, Boolean> seen;

  public DeliveryWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.seen = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True when this delivery finished before (and refreshes it as recently seen). */
  public boolean contains(Provider provider, String deliveryId) {
    return seen.get(new Key(provider, deliveryId)) != null;
  }

  public void remember(Provider provider, String deliveryId) {
    seen.put(new Key(Objects.requireNonNull(provider), Objects.requireNonNull(deliveryId)), Boolean.TRUE);
  }

  public int size() {
    return seen.size();
  }

  public void clear() {
    seen.clear();
  }
}
