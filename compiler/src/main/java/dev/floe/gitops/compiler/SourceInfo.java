package dev.floe.gitops.compiler;

/** Where the compiled source came from; carried into the artifacts' metadata and the generated headers. */
public record SourceInfo(String repository, String commit, String ref) {
}
