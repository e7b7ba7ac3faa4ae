package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTreeTest {
    @TempDir
    Path temp;

    private DirectorySourceTree tree() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Files.createDirectories(repo.resolve("proj/models/a/b"));
        Files.writeString(repo.resolve("floe.yaml"), "name: x\n");
        Files.writeString(repo.resolve("proj/models/top.sql"), "select 1");
        Files.writeString(repo.resolve("proj/models/a/one.sql"), "select 1");
        Files.writeString(repo.resolve("proj/models/a/b/two.sql"), "select 1");
        Files.writeString(temp.resolve("secret.txt"), "outside");
        return new DirectorySourceTree(repo);
    }

    @Test
    void readsFilesByRelativePathAndReportsMissingOnesAsEmpty() throws Exception {
        DirectorySourceTree t = tree();
        assertThat(t.read("floe.yaml")).isPresent();
        assertThat(t.read("./floe.yaml")).isPresent();
        assertThat(t.read("nope.yaml")).isEmpty();
        assertThat(t.read("proj")).isEmpty();
    }

    @Test
    void rejectsPathTraversalAndAbsolutePaths() throws Exception {
        DirectorySourceTree t = tree();
        assertThatThrownBy(() -> t.read("../secret.txt")).isInstanceOf(SourceException.class).hasMessageContaining("leaves the repository");
        assertThatThrownBy(() -> t.read("proj/../../secret.txt")).isInstanceOf(SourceException.class);
        assertThatThrownBy(() -> t.read(temp.resolve("secret.txt").toString())).isInstanceOf(SourceException.class)
                .hasMessageContaining("absolute path");
        assertThatThrownBy(() -> t.list("../*.txt")).isInstanceOf(SourceException.class);
    }

    @Test
    void rejectsSymbolicLinksThatLeaveTheTree() throws Exception {
        DirectorySourceTree t = tree();
        Files.createSymbolicLink(temp.resolve("repo/escape.txt"), temp.resolve("secret.txt"));
        assertThatThrownBy(() -> t.read("escape.txt")).isInstanceOf(SourceException.class).hasMessageContaining("outside the repository");
        assertThat(t.list("*.txt")).isEmpty();
    }

    @Test
    void listsWithJavaNioGlobsWhereDoubleStarCrossesFolders() throws Exception {
        DirectorySourceTree t = tree();
        assertThat(t.list("proj/models/*.sql")).containsExactly("proj/models/top.sql");
        assertThat(t.list("proj/models/**/*.sql")).containsExactly("proj/models/a/b/two.sql", "proj/models/a/one.sql");
        assertThat(t.list("proj/models/**.sql")).containsExactly("proj/models/a/b/two.sql", "proj/models/a/one.sql", "proj/models/top.sql");
    }

    @Test
    void listsOnlyBelowTheGlobsLiteralFolderAndNothingForAMissingOrLinkedOne() throws Exception {
        DirectorySourceTree t = tree();
        assertThat(t.list("proj/models/a/*.sql")).containsExactly("proj/models/a/one.sql");
        assertThat(t.list("proj/missing/*.sql")).isEmpty();
        assertThat(t.list("{proj,other}/models/*.sql")).containsExactly("proj/models/top.sql");
        // A folder link is not followed, as in a walk from the root: the files behind it are not the repository's.
        Files.createSymbolicLink(temp.resolve("repo/linked"), temp.resolve("repo/proj/models"));
        assertThat(t.list("linked/*.sql")).isEmpty();
        assertThat(t.list("**/top.sql")).containsExactly("proj/models/top.sql");
    }
}
