package dev.floe.gitops.cli;

import dev.floe.gitops.cli.compile.RenderedTreeWriter;
import dev.floe.gitops.cli.compile.SourceCommitLocator;
import dev.floe.gitops.compiler.CompileError;
import dev.floe.gitops.compiler.CompileRequest;
import dev.floe.gitops.compiler.CompileResult;
import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.DirectorySourceTree;
import dev.floe.gitops.compiler.FloeCompiler;
import dev.floe.gitops.compiler.SourceInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code floe-gitops compile}: floe.yaml × platform.yaml → the deploy branch's file tree. */
@Command(
    name = "compile",
    description = "Compile a pipeline's floe.yaml against an environment's platform.yaml and write (or check) the rendered tree.",
    sortOptions = false)
final class CompileCommand implements Callable<Integer> {

  private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--floe", required = true, paramLabel = "FILE|DIR",
      description = "floe.yaml, or the folder holding it (the pipeline repository's root).")
  Path floe;

  @Option(names = "--platform", required = true, paramLabel = "FILE", description = "The environment's platform.yaml.")
  Path platform;

  @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment name (local, dev, staging, prod, ...).")
  String environment;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--out", paramLabel = "DIR", description = "Write the rendered tree here (replacing an earlier render).")
    Path out;

    @Option(names = "--check", description = "Compile and check only; write nothing.")
    boolean check;
  }

  @Option(names = "--source-commit", paramLabel = "SHA",
      description = "Full 40-hex source commit. Default: the newest commit that changed the render's inputs in the Git work tree, or 'working-tree'.")
  String sourceCommit;

  @Option(names = "--repository", paramLabel = "NAME", description = "Repository name recorded in the artifacts. Default: the pipeline folder's name.")
  String repository;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format: ${COMPLETION-CANDIDATES}.")
  OutputFormat format;

  enum OutputFormat { text, json }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path floeFile = Files.isDirectory(floe) ? floe.resolve("floe.yaml") : floe;
      if (!Files.isRegularFile(floeFile)) {
        return usageError(err, "no floe.yaml at " + floeFile + "; pass --floe with the file or the folder holding it");
      }
      if (!Files.isRegularFile(platform)) {
        return usageError(err, "no platform file at " + platform + "; pass --platform with an environment's platform.yaml");
      }
      if (sourceCommit != null && !FULL_SHA.matcher(sourceCommit).matches()) {
        return usageError(err, "--source-commit must be a full 40-hex commit id (lower case)");
      }
      Path root = floeFile.toAbsolutePath().normalize().getParent();
      byte[] floeBytes = Files.readAllBytes(floeFile);
      byte[] platformBytes = Files.readAllBytes(platform);
      SourceInfo source = sourceInfo(root, floeBytes);
      CompileRequest request = new CompileRequest(new DirectorySourceTree(root), floeFile.getFileName().toString(),
          platformBytes, platform.getFileName().toString(), environment, source);
      CompileResult result = new FloeCompiler(CompilerLimits.defaults()).compile(request);
      if (result instanceof CompileResult.Failed failed) {
        report(out, err, failed.errors(), List.of());
        return 1;
      }
      CompileResult.Compiled compiled = (CompileResult.Compiled) result;
      List<String> written = new ArrayList<>();
      if (target.out != null) {
        for (Path p : RenderedTreeWriter.write(compiled.tree(), target.out)) {
          written.add(p.toString());
        }
      }
      reportSuccess(out, compiled, source, written);
      return 0;
    } catch (IOException e) {
      err.println("floe-gitops compile: " + e.getMessage());
      return 2;
    }
  }

  private SourceInfo sourceInfo(Path root, byte[] floeBytes) throws IOException {
    String name = repository != null ? repository : root.getFileName().toString();
    if (sourceCommit != null) {
      return new SourceInfo(name, sourceCommit, "unknown");
    }
    SourceCommitLocator.Located located = SourceCommitLocator.locate(root, floeBytes);
    return new SourceInfo(name, located.commit(), located.ref());
  }

  private int usageError(PrintWriter err, String message) {
    err.println("floe-gitops compile: " + message);
    return 2;
  }

  private void report(PrintWriter out, PrintWriter err, List<CompileError> errors, List<String> written) {
    if (format == OutputFormat.json) {
      out.println(json(false, errors, written));
      return;
    }
    for (CompileError e : errors) {
      err.println(e.file() + ":" + e.line() + ":" + e.column() + ": " + e.message());
      if (e.hint() != null && !e.hint().isBlank()) {
        err.println("  hint: " + e.hint());
      }
    }
    err.println(errors.size() == 1 ? "1 error" : errors.size() + " errors");
  }

  private void reportSuccess(PrintWriter out, CompileResult.Compiled compiled, SourceInfo source, List<String> written) {
    if (format == OutputFormat.json) {
      out.println(json(true, List.of(), written));
      return;
    }
    out.println("compiled " + source.repository() + " for " + environment + " from " + source.commit()
        + ": " + compiled.tree().files().size() + " files");
    if (target.check) {
      out.println("check passed; nothing written (--check)");
    }
    for (String w : written) {
      out.println("wrote " + w);
    }
  }

  private static String json(boolean ok, List<CompileError> errors, List<String> written) {
    ObjectMapper mapper = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();
    ObjectNode root = mapper.createObjectNode();
    root.put("ok", ok);
    ArrayNode errs = root.putArray("errors");
    for (CompileError e : errors) {
      ObjectNode n = errs.addObject();
      n.put("file", e.file());
      n.put("line", e.line());
      n.put("column", e.column());
      n.put("path", e.path());
      n.put("message", e.message());
      n.put("hint", e.hint());
    }
    ArrayNode w = root.putArray("written");
    written.forEach(w::add);
    return mapper.writeValueAsString(root);
  }
}
