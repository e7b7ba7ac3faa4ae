package dev.floe.gitops.webhook.service;

import dev.floe.gitops.runtime.config.GitopsConfig;

/**
 * Where a reloaded, valid configuration is announced to the parts that apply it without a restart
 * (today: the served repositories of the receiver, the worker's routing and its reconciler).
 */
public final class ConfigUpdates extends Announcements<GitopsConfig> {

  public ConfigUpdates() {
    super("reloaded configuration");
  }
}
