package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.webhook.event.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The receiver's bounded memory of deliveries it queued, so that a host's redelivery is answered
 * {@code duplicate} without a second record. Best effort (per process, bounded, lost on restart):
 * the worker's own window and idempotent effects are the guarantee (SPEC §4). Only a delivery that
 * was durably queued is remembered, so a delivery answered 503 is queued when it comes again.
 */
public final class RecentDeliveries {

  public static final int DEFAULT_CAPACITY = 10_000;

  private record Key(Provider provider, String deliveryId) {}

  private final Map<Key, Boolean> seen;

  public RecentDeliveries(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.seen = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  public synchronized boolean contains(Provider provider, String deliveryId) {
    return seen.get(new Key(provider, deliveryId)) != null;
  }

  public synchronized void remember(Provider provider, String deliveryId) {
    seen.put(new Key(provider, deliveryId), Boolean.TRUE);
  }
}
