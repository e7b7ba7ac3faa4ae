package dev.floe.gitops.compiler;

/**
 * Bounds that keep hostile input cheap: document size, nesting depth, alias count and expanded node count for YAML,
 * and the Kubernetes size limits for rendered objects.
 */
public record CompilerLimits(int maxDocumentBytes, int maxDepth, int maxAliases, int maxNodes,
                             int maxConfigMapBytes, int maxObjectBytes) {
    public static final int KIB = 1024;

    public static CompilerLimits defaults() {
        return new CompilerLimits(1024 * KIB, 64, 50, 100_000, 900 * KIB, 256 * KIB);
    }
}
