package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerInstanceIdTest {

  @Test
  void theSameDataDirectoryGivesTheSameIdAcrossRestarts(@TempDir Path dir) {
    String first = WorkerInstanceId.fromDataDir(dir.resolve("data"));
    assertThat(first).startsWith("worker-");
    assertThat(WorkerInstanceId.fromDataDir(dir.resolve("data"))).isEqualTo(first);
    assertThat(WorkerInstanceId.fromDataDir(dir.resolve("other"))).isNotEqualTo(first);
  }

  @Test
  void aDamagedIdFileIsReportedNotUsed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(WorkerInstanceId.FILE), "not valid!\n");
    assertThatThrownBy(() -> WorkerInstanceId.fromDataDir(dir))
        .hasMessageContaining(WorkerInstanceId.FILE);
  }
}
