package dev.floe.gitops.webhook.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.gitops.compiler.SourceException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compiler's view of a Git tree: bounded, inside the tree, links refused, submodules invisible. */
class GitSourceTreeTest {

  InMemoryRepository repo;
  ObjectId tree;

  @BeforeEach
  void build() throws Exception {
    repo = new InMemoryRepository(new DfsRepositoryDescription("t"));
    try (ObjectInserter ins = repo.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder b = index.builder();
      add(b, ins, "floe.yaml", FileMode.REGULAR_FILE, "name: x\n");
      add(b, ins, "dbt/models/a.sql", FileMode.REGULAR_FILE, "select 1");
      add(b, ins, "dbt/models/b.sql", FileMode.EXECUTABLE_FILE, "select 2");
      add(b, ins, "dbt/models/link.sql", FileMode.SYMLINK, "../../../etc/passwd");
      add(b, ins, "big.txt", FileMode.REGULAR_FILE, "x".repeat(2000));
      DirCacheEntry sub = new DirCacheEntry("vendor/lib");
      sub.setFileMode(FileMode.GITLINK);
      sub.setObjectId(ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
      b.add(sub);
      b.finish();
      tree = index.writeTree(ins);
      ins.flush();
    }
  }

  private static void add(DirCacheBuilder b, ObjectInserter ins, String path, FileMode mode, String content) throws Exception {
    DirCacheEntry e = new DirCacheEntry(path);
    e.setFileMode(mode);
    e.setObjectId(ins.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
    b.add(e);
  }

  private GitSourceTree source(ObjectReader reader) {
    return new GitSourceTree(reader, tree, "acme/x@abc", new GitSourceTree.Limits(1000, 100));
  }

  @Test
  void readsFilesAndListsGlobsFromTheTree() throws Exception {
    try (ObjectReader reader = repo.newObjectReader()) {
      GitSourceTree source = source(reader);
      assertThat(source.read("floe.yaml")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("name: x\n"));
      assertThat(source.read("./floe.yaml")).isPresent();
      assertThat(source.read("missing.yaml")).isEmpty();
      assertThat(source.read("dbt")).isEmpty();
      assertThat(source.list("dbt/models/*.sql")).containsExactly("dbt/models/a.sql", "dbt/models/b.sql");
      assertThat(source.list("**/*.sql")).containsExactly("dbt/models/a.sql", "dbt/models/b.sql");
    }
  }

  @Test
  void refusesTraversalLinksAndOversizedFiles() throws Exception {
    try (ObjectReader reader = repo.newObjectReader()) {
      GitSourceTree source = source(reader);
      assertThatThrownBy(() -> source.read("../outside")).isInstanceOf(SourceException.class).hasMessageContaining("'..'");
      assertThatThrownBy(() -> source.read("/etc/passwd")).isInstanceOf(SourceException.class);
      assertThatThrownBy(() -> source.read("dbt/models/link.sql")).isInstanceOf(SourceException.class)
          .hasMessageContaining("symbolic link");
      assertThatThrownBy(() -> source.read("big.txt")).isInstanceOf(SourceException.class).hasMessageContaining("limit");
      assertThatThrownBy(() -> source.list("../*")).isInstanceOf(SourceException.class);
    }
  }

  @Test
  void submodulesAreInvisibleAndListingsAreBounded() throws Exception {
    try (ObjectReader reader = repo.newObjectReader()) {
      assertThat(source(reader).read("vendor/lib")).isEmpty();
      assertThat(source(reader).list("vendor/**")).isEmpty();
      GitSourceTree tiny = new GitSourceTree(reader, tree, "acme/x@abc", new GitSourceTree.Limits(1000, 3));
      assertThatThrownBy(() -> tiny.list("**")).isInstanceOf(SourceException.class).hasMessageContaining("more than 3 files");
    }
  }

  @Test
  void listsOnlyBelowTheGlobsLiteralFolder() throws Exception {
    try (ObjectReader reader = repo.newObjectReader()) {
      // three entries sit under dbt/models and four elsewhere: a bound of 3 holds when only that folder is walked
      GitSourceTree tiny = new GitSourceTree(reader, tree, "acme/x@abc", new GitSourceTree.Limits(1000, 3));
      assertThat(tiny.list("dbt/models/*.sql")).containsExactly("dbt/models/a.sql", "dbt/models/b.sql");
      assertThat(tiny.list("dbt/mod*/*.sql")).containsExactly("dbt/models/a.sql", "dbt/models/b.sql");
      assertThat(tiny.list("nowhere/*.sql")).isEmpty();
      assertThat(source(reader).list("floe.yaml")).containsExactly("floe.yaml");
      assertThat(source(reader).list("dbt/models/link.sql")).isEmpty();
    }
  }

  @Test
  void redactionRemovesCredentialsFromUrls() {
    assertThat(Redaction.redact("cannot fetch https://x-access-token:ghp_secret@github.com/acme/x.git: 403"))
        .isEqualTo("cannot fetch https://***@github.com/acme/x.git: 403");
    assertThat(Redaction.redact("ssh://git@host/x")).isEqualTo("ssh://***@host/x");
    assertThat(Map.of()).isEmpty();
  }
}
