package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An environment fed by a tag pattern deploys the highest semantic version, whatever tag was pushed last. */
class TagSourceTest {

  @TempDir Path tmp;

  @Test
  void theHighestMatchingVersionIsDeployedAndALowerTagChangesNothing() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      fx.seedWithTagSource("sales-analytics", "prod", "v*");
      WorkerService service = fx.service(tmp.resolve("data"));
      var git = fx.work("sales-analytics");
      String one = fx.changeFloe("sales-analytics", "1.0.0");
      git.run("tag", "-a", "-m", "release", "v1.0.0", one);
      String two = fx.changeFloe("sales-analytics", "1.2.0");
      git.run("tag", "-a", "-m", "release", "v1.2.0", two);
      String old = fx.changeFloe("sales-analytics", "1.1.0-hotfix");
      git.run("tag", "v1.1.0", old); // lightweight, pushed last, lower version
      git.run("push", "-q", "origin", "--tags");

      DeployOutcome first = service.worker().handle(tag("v1.2.0", two)).outcomes().get("prod");
      DeployOutcome lower = service.worker().handle(tag("v1.1.0", old)).outcomes().get("prod");
      DeployWorker.EventResult branch = service.worker().handle(fx.push("sales-analytics", "0".repeat(40), old));

      assertThat(first).isInstanceOf(DeployOutcome.Deployed.class);
      assertThat(lower).isInstanceOf(DeployOutcome.Unchanged.class);
      assertThat(branch.ignored()).contains("feeds no environment");
      assertThat(fx.trailer("sales-analytics", "deploy/prod", "Floe-Source-Commit")).isEqualTo(two);
      assertThat(fx.trailer("sales-analytics", "deploy/prod", "Floe-Source-Ref")).isEqualTo("refs/tags/v1.2.0");
      assertThat(fx.deployLog("sales-analytics", "prod")).hasSize(1);
      fx.verifyWithCGitAndKubectl("sales-analytics");
    }
  }

  private static EventRecord tag(String name, String after) {
    return EventRecord.push(Provider.GITHUB, "tag-" + name, "acme/sales-analytics", "x", "refs/tags/" + name,
        "0".repeat(40), after, WorkerFixture.CLOCK.instant(), null);
  }
}
