package dev.floe.gitops.webhook.status;

/** The three states floe-gitops ever reports; each provider spells them its own way (see the {@code *Api} classes). */
public enum StatusState {
  PENDING,
  SUCCESS,
  FAILURE
}
