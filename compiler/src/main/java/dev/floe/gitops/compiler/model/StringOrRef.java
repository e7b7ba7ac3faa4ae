package dev.floe.gitops.compiler.model;

/** A field that holds either a literal string or a secret reference (endpoint, uri, client_id). */
public sealed interface StringOrRef {
    record Literal(String value) implements StringOrRef {
    }

    record Ref(SecretRef ref) implements StringOrRef {
    }
}
