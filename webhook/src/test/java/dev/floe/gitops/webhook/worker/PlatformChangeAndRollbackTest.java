package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciler's platform-change path and the deliberate rollback with its pin. */
class PlatformChangeAndRollbackTest {

  private static final String ZERO = "0".repeat(40);
  private static final String SALES = "sales-analytics";
  private static final String MARKETING = "marketing-attribution";

  @TempDir Path tmp;
  WorkerFixture fx;

  @BeforeEach
  void seed() throws Exception {
    fx = WorkerFixture.overFile(tmp);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void aPlatformChangeReRendersEveryServedRepositoryAtItsCurrentHead() throws Exception {
    fx.seed(SALES);
    fx.seed(MARKETING);
    WorkerService service = fx.service(tmp.resolve("data"));
    service.reconciler().reconcileOnly(r -> r.name().endsWith(MARKETING));
    assertThat(service.reconciler().tick()).containsOnlyKeys("acme/" + MARKETING + " dev", "acme/" + MARKETING + " staging");
    service.reconciler().reconcileOnly(PartitionOwnership.all());
    Map<String, DeployOutcome> first = service.reconciler().tick();
    assertThat(first).hasSize(2);
    assertThat(first.values()).allMatch(o -> o instanceof DeployOutcome.Deployed);
    // heads move without a webhook (missed): the platform change still renders the current heads
    String sales = fx.changeFloe(SALES, "later");
    String marketing = fx.changeFloe(MARKETING, "later");
    fx.setPlatform("dev", fx.platform("dev") + "# tuned by the platform team\n");

    Map<String, DeployOutcome> second = service.reconciler().tick();

    assertThat(second).containsOnlyKeys("acme/" + SALES + " dev", "acme/" + SALES + " staging",
        "acme/" + MARKETING + " dev", "acme/" + MARKETING + " staging");
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Delivery")).isEqualTo("platform-change");
    assertThat(fx.trailer(MARKETING, "deploy/dev", "Floe-Delivery")).isEqualTo("platform-change");
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Source-Commit")).isEqualTo(sales);
    assertThat(fx.trailer(MARKETING, "deploy/dev", "Floe-Source-Commit")).isEqualTo(marketing);
    assertThat(fx.trailer(SALES, "deploy/staging", "Floe-Delivery")).isEqualTo("reconcile");
    assertThat(service.reconciler().tick()).isEmpty();
    fx.verifyWithCGitAndKubectl(SALES);
    fx.verifyWithCGitAndKubectl(MARKETING);
  }

  @Test
  void aRepositoryOwnedAgainAfterARebalanceIsCheckedAgainThoughItsHeadDidNotMove() throws Exception {
    fx.seed(MARKETING);
    WorkerService service = fx.service(tmp.resolve("data"));
    assertThat(service.reconciler().tick().values()).allMatch(o -> o instanceof DeployOutcome.Deployed);
    assertThat(service.reconciler().tick()).isEmpty(); // nothing moved, nothing asked

    service.reconciler().reconcileOnly(r -> false); // another replica owns it for a while
    assertThat(service.reconciler().tick()).isEmpty();
    service.reconciler().reconcileOnly(PartitionOwnership.all());

    // whatever the other owner did, this replica compares the head with its deploy branches again
    assertThat(service.reconciler().tick()).containsOnlyKeys("acme/" + MARKETING + " dev", "acme/" + MARKETING + " staging")
        .allSatisfy((key, outcome) -> assertThat(outcome).isInstanceOf(DeployOutcome.Unchanged.class));
  }

  @Test
  void aRollbackRendersTheChosenCommitAndPinsUntilANewSourceCommitIsPushed() throws Exception {
    fx.seed(SALES);
    WorkerService service = fx.service(tmp.resolve("data"));
    String initial = fx.head(SALES);
    String a = fx.changeFloe(SALES, "a");
    String b = fx.changeFloe(SALES, "b");
    service.worker().handle(fx.push(SALES, ZERO, b));
    String deployedB = fx.deployLog(SALES, "dev").get(0);

    DeployOutcome rolledBack = service.rollback("acme/" + SALES, "dev", a);

    assertThat(rolledBack).isInstanceOf(DeployOutcome.Deployed.class);
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Source-Commit")).isEqualTo(a);
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Rollback")).isEqualTo("true");
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Rolled-Back-From")).isEqualTo(b);
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Delivery")).isEqualTo("rollback");
    // the tree is exactly what a was rendered to before
    assertThat(fx.bare(SALES).run("diff", "--stat", deployedB + "~0", "deploy/dev")).isNotEmpty();
    assertThat(service.rollback("acme/" + SALES, "dev", a)).isInstanceOf(DeployOutcome.Unchanged.class);

    // the reconciler, a platform change and a push that brings the rolled-back-from commit leave it pinned
    fx.setPlatform("dev", fx.platform("dev") + "# tuned\n");
    assertThat(service.reconciler().tick().get("acme/" + SALES + " dev")).isInstanceOf(DeployOutcome.Pinned.class);
    String docs = fx.commit(SALES, "README.md", "# docs\n", "docs only");
    assertThat(service.worker().handle(fx.push(SALES, b, docs)).outcomes().get("dev")).isInstanceOf(DeployOutcome.Pinned.class);
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Source-Commit")).isEqualTo(a);

    // a push with a new source commit ends the pin
    String c = fx.changeFloe(SALES, "c");
    DeployOutcome moved = service.worker().handle(fx.push(SALES, docs, c)).outcomes().get("dev");

    assertThat(moved).isInstanceOf(DeployOutcome.Deployed.class);
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Source-Commit")).isEqualTo(c);
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Rollback")).isEmpty();
    assertThat(service.rollback("acme/" + SALES, "dev", "f".repeat(40))).isInstanceOf(DeployOutcome.Invalid.class);
    assertThat(service.rollback("acme/" + SALES, "prod", initial)).isInstanceOf(DeployOutcome.Invalid.class);
    fx.verifyWithCGitAndKubectl(SALES);
  }
}
