package dev.floe.gitops.webhook.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one part of the running service announces a change to the parts that apply it (a reloaded configuration, a
 * new partition assignment). A listener that fails is logged and does not stop the others.
 */
public class Announcements<T> {

  private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);

  private final String what;
  private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

  protected Announcements(String what) {
    this.what = what;
  }

  public void subscribe(Consumer<T> listener) {
    listeners.add(listener);
  }

  public void publish(T change) {
    for (Consumer<T> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        LOG.error("applying the {} failed in {}", what, listener.getClass().getName(), e);
      }
    }
  }
}
