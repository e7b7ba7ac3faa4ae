package dev.floe.gitops.webhook.worker;

/** Why a render runs; it decides the {@code Floe-Delivery} trailer and whether a rollback pin is respected. */
public sealed interface Trigger {

  /** The {@code Floe-Delivery} trailer value. */
  String delivery();

  /** A webhook push (or a merge): the delivery id, and the head the event named (the render uses the current one). */
  record Push(String deliveryId, String after) implements Trigger {
    public String delivery() {
      return deliveryId;
    }
  }

  /** The reconciler found a head that moved, or checks the truth test. */
  record Reconcile() implements Trigger {
    public String delivery() {
      return "reconcile";
    }
  }

  /** The environment's platform.yaml changed. */
  record PlatformChange() implements Trigger {
    public String delivery() {
      return "platform-change";
    }
  }

  /** A deliberate rollback to {@code sha}. */
  record Rollback(String sha) implements Trigger {
    public String delivery() {
      return "rollback";
    }
  }
}
