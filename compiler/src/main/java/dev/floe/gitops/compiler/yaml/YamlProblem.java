package dev.floe.gitops.compiler.yaml;

/** Why a document could not be read at all (syntax, limits, duplicate keys), with its 1-based position. */
public record YamlProblem(int line, int column, String path, String message, String hint) {
}
