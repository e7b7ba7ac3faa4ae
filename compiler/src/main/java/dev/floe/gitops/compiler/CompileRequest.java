package dev.floe.gitops.compiler;

/**
 * One render: the pipeline repository (floe.yaml and its dbt projects), the environment's platform.yaml bytes and
 * where the source came from.
 */
public record CompileRequest(SourceTree source, String floeYamlPath, byte[] platformYaml, String platformFileName,
                             String environment, SourceInfo sourceInfo) {
}
