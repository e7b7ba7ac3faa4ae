package dev.floe.gitops.admission.tls;

/** Reading a certificate and key from files: a checked pair, or why it cannot be used. */
public sealed interface PairLoadResult {

    record Loaded(ServingPair pair) implements PairLoadResult {}

    /** {@code reason} names the file and the problem, never key material. */
    record Broken(String reason) implements PairLoadResult {}
}
