package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.Provider;
import org.junit.jupiter.api.Test;

class DeliveryWindowTest {

  @Test
  void aRememberedDeliveryIsRecognisedPerProvider() {
    DeliveryWindow window = new DeliveryWindow(10);
    window.remember(Provider.GITHUB, "d-1");
    assertThat(window.contains(Provider.GITHUB, "d-1")).isTrue();
    assertThat(window.contains(Provider.GITLAB, "d-1")).isFalse();
    assertThat(window.contains(Provider.GITHUB, "d-2")).isFalse();
  }

  @Test
  void theLeastRecentlySeenDeliveryIsForgottenFirst() {
    DeliveryWindow window = new DeliveryWindow(2);
    window.remember(Provider.GITHUB, "a");
    window.remember(Provider.GITHUB, "b");
    assertThat(window.contains(Provider.GITHUB, "a")).isTrue(); // a is now more recent than b
    window.remember(Provider.GITHUB, "c");
    assertThat(window.size()).isEqualTo(2);
    assertThat(window.contains(Provider.GITHUB, "b")).isFalse();
    assertThat(window.contains(Provider.GITHUB, "a")).isTrue();
    assertThat(window.contains(Provider.GITHUB, "c")).isTrue();
  }

  @Test
  void clearingForgetsEverything() {
    DeliveryWindow window = new DeliveryWindow(2);
    window.remember(Provider.GITEA, "a");
    window.clear();
    assertThat(window.contains(Provider.GITEA, "a")).isFalse();
  }
}
