package dev.floe.gitops.webhook.service;

import dev.floe.gitops.runtime.config.GitopsConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a reloaded, valid configuration is announced to the parts that apply it without a restart
 * (today: the served repositories of the receiver, the worker's routing and its reconciler).
 */
public final class ConfigUpdates {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigUpdates.class);

  private final List<Consumer<GitopsConfig>> listeners = new CopyOnWriteArrayList<>();

  public void subscribe(Consumer<GitopsConfig> listener) {
    listeners.add(listener);
  }

  /** Tells every listener; one that fails is logged and does not stop the others. */
  public void publish(GitopsConfig config) {
    for (Consumer<GitopsConfig> listener : listeners) {
      try {
        listener.accept(config);
      } catch (RuntimeException e) {
        LOG.error("applying the reloaded configuration failed in {}", listener.getClass().getName(), e);
      }
    }
  }
}
