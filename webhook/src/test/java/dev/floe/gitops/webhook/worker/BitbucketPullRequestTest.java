package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bitbucket Cloud names a pull request's head by 12 hex: the worker previews the branch and resolves the full id. */
class BitbucketPullRequestTest {

  @TempDir Path tmp;

  @Test
  void anAbbreviatedHeadIsPreviewedFromTheSourceBranchAndResolvedToTheFullId() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      RepositoryConfig seeded = fx.seed("sales-analytics", List.of("dev"));
      RepositoryConfig bitbucket = new RepositoryConfig(seeded.name(), GitProvider.BITBUCKET, seeded.url(),
          seeded.webhookSecret(), seeded.deploy(), seeded.fetchToken(), seeded.pushToken(), seeded.githubApp(),
          seeded.sshKey(), seeded.sshKnownHosts());
      String head = fx.changeFloeOn("sales-analytics", "feature-work", "refs/heads/feature/work").trim();
      EventRecord pr = EventRecord.pullRequest(Provider.BITBUCKET, "bb-1", seeded.name(), seeded.url(),
          "feature/work", head.substring(0, 12), "main", 3, null, Instant.parse("2026-11-29T05:00:00Z"), null);
      assertThat(pr.headShaAbbreviated()).isTrue();

      try (WorkerService service = fx.service(tmp.resolve("data"))) {
        service.replaceRepositories(List.of(bitbucket));
        DeployWorker.EventResult result = service.worker().handle(pr);

        assertThat(result.outcomes().get("dev")).isInstanceOf(DeployOutcome.Previewed.class);
        assertThat(result.resolvedHead()).contains(head);
      }
    }
  }

  @Test
  void aFullHeadNeedsNoResolving() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      RepositoryConfig seeded = fx.seed("sales-analytics", List.of("dev"));
      String head = fx.changeFloeOn("sales-analytics", "pr-7", "refs/pull/7/head").trim();
      EventRecord pr = EventRecord.pullRequest(Provider.GITHUB, "gh-7", seeded.name(), seeded.url(),
          "feature", head, "main", 7, null, Instant.parse("2026-11-29T05:00:00Z"), null);
      try (WorkerService service = fx.service(tmp.resolve("data"))) {
        DeployWorker.EventResult result = service.worker().handle(pr);
        assertThat(result.outcomes().get("dev")).isInstanceOf(DeployOutcome.Previewed.class);
        assertThat(result.resolvedHead()).isEmpty();
      }
    }
  }
}
