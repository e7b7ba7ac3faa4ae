package dev.floe.gitops.webhook.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The only read before verification: two-level names, bounded, nothing else. */
class NameReaderTest {

  private final NameReader github = new NameReader("repository", "full_name", "organization", "login");

  private Subject read(String json) {
    return github.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheRepositoryAndOrganisationNamesWhereverTheyAreAtTheTop() {
    Subject s = read("{\"zen\":{\"a\":[1,{\"repository\":{\"full_name\":\"x/y\"}}]},"
        + "\"organization\":{\"login\":\"acme\"},\"repository\":{\"id\":1,\"full_name\":\"acme/sales\"}}");
    assertThat(s.repository()).contains("acme/sales");
    assertThat(s.organization()).contains("acme");
    assertThat(s.owner()).contains("acme");
  }

  @Test
  void theOwnerComesFromTheRepositoryNameWhenOneIsNamed() {
    Subject s = read("{\"repository\":{\"full_name\":\"other/repo\"},\"organization\":{\"login\":\"acme\"}}");
    assertThat(s.owner()).contains("other");
    assertThat(new Subject(Optional.of("acme/data/orders"), Optional.empty()).owner()).contains("acme/data");
  }

  @Test
  void nonStringsOverlongNamesAndNonObjectsAreNoName() {
    assertThat(read("{\"repository\":{\"full_name\":7}}").repository()).isEmpty();
    assertThat(read("{\"repository\":\"acme/sales\"}").repository()).isEmpty();
    assertThat(read("{\"repository\":{\"full_name\":\"" + "a".repeat(600) + "\"}}").repository()).isEmpty();
    assertThat(read("[{\"repository\":{\"full_name\":\"acme/sales\"}}]")).isEqualTo(Subject.NONE);
    assertThat(read("not json")).isEqualTo(Subject.NONE);
    assertThat(read("")).isEqualTo(Subject.NONE);
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() {
    String deep = "{\"x\":" + "[".repeat(100_000);
    assertThat(read(deep)).isEqualTo(Subject.NONE);
  }

  @Test
  void aDuplicateKeyStopsTheReadKeepingOnlyWhatCameBefore() {
    Subject s = read("{\"repository\":{\"full_name\":\"acme/a\"},\"repository\":{\"full_name\":\"acme/b\"}}");
    assertThat(s.repository()).contains("acme/a");
  }
}
