package dev.floe.gitops.webhook.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * States this process already posted, by repository, sha, context, state and description: a redelivered event or a
 * reconciler pass does not post the same thing again. Bounded (least recently used), per process, as SPEC §4 decides.
 */
public final class StatusDedupe {

  private final Set<String> seen;

  public StatusDedupe(int capacity) {
    this.seen = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<String, Boolean>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    }));
  }

  /** True the first time a key is offered (then remembered). */
  boolean firstTime(String key) {
    return seen.add(key);
  }

  /** A call that failed must be allowed again. */
  void forget(String key) {
    seen.remove(key);
  }
}
