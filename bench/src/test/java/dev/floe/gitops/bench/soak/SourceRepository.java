package dev.floe.gitops.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One pipeline repository as its data engineer sees it: a work clone of the sample that commits and pushes to the
 * bare repository. Pushes go to the bare folder directly, not through the HTTP server, so commits (and their
 * webhooks) keep coming while the Git server is down: the service then has events it cannot fetch for.
 */
final class SourceRepository {

  /** What a commit changes: most change floe.yaml (a new render), some a model, some only the README (no render). */
  enum Change { FLOE_YAML, MODEL, README }

  record Pushed(String repository, String before, String after, Change change) {}

  private static final Pattern REVISION = Pattern.compile("soak_rev: \"(\\d+)\"");

  private final String name;
  private final Path bare;
  private final Git work;
  private String head;
  private int revision;

  private SourceRepository(String name, Path bare, Git work, String head) {
    this.name = name;
    this.bare = bare;
    this.work = work;
    this.head = head;
  }

  /** A bare repository under {@code hostRoot} holding the sample's first commit, and its work clone. */
  static SourceRepository create(String name, String bareName, Path sample, Path hostRoot, Path workRoot)
      throws IOException {
    Path bare = hostRoot.resolve(bareName);
    new Git(hostRoot).run("init", "-q", "--bare", "-b", "main", bare.toString());
    new Git(bare).run("config", "http.receivepack", "true");
    Path dir = workRoot.resolve(bareName.replace(".git", ""));
    copyTree(sample, dir);
    Path floe = dir.resolve("floe.yaml");
    // a line the commits rewrite; observability attributes end up in the rendered artifacts
    Files.writeString(floe, Files.readString(floe).replace("    cost_center: cc-4100",
        "    cost_center: cc-4100\n    soak_rev: \"0\""));
    Git work = new Git(dir);
    work.run("init", "-q", "-b", "main");
    work.run("add", "-A");
    work.run("commit", "-q", "-m", name + ": import the pipeline");
    work.run("remote", "add", "origin", bare.toString());
    work.run("push", "-q", "origin", "main");
    return new SourceRepository(name, bare, work, work.run("rev-parse", "HEAD"));
  }

  String name() {
    return name;
  }

  Path bare() {
    return bare;
  }

  /** One commit of the chosen kind, pushed to the bare repository. */
  Pushed commit(RandomGenerator random) throws IOException {
    double roll = random.nextDouble();
    Change change = roll < 0.8 ? Change.FLOE_YAML : roll < 0.9 ? Change.MODEL : Change.README;
    revision++;
    switch (change) {
      case FLOE_YAML -> {
        Path floe = work.dir().resolve("floe.yaml");
        Matcher m = REVISION.matcher(Files.readString(floe));
        Files.writeString(floe, m.replaceFirst("soak_rev: \"" + revision + "\""));
      }
      case MODEL -> Files.writeString(work.dir().resolve("sales_dbt/models/silver/slv_orders.sql"),
          "-- soak revision " + revision + "\n", java.nio.file.StandardOpenOption.APPEND);
      case README -> Files.writeString(work.dir().resolve("README.md"), "\nSoak note " + revision + ".\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    work.run("commit", "-q", "-am", name + ": soak change " + revision + " (" + change + ")");
    work.run("push", "-q", "origin", "main");
    String before = head;
    head = work.run("rev-parse", "HEAD");
    return new Pushed(name, before, head, change);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
