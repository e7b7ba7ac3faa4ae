package dev.floe.gitops.runtime.secrets;

/** One place a secret reference can be resolved from. Implementations never put a value in a message. */
public interface SecretSource {

    Lookup lookup(SecretRef ref);

    /** The result of asking one source: found, not there (and where we looked), or the source failed. */
    sealed interface Lookup permits Found, Absent, Failed {}

    record Found(SecretValue value, String where) implements Lookup {}

    /** {@code where} names the place, e.g. {@code environment variable SALES_WEBHOOK_SECRET}. */
    record Absent(String where) implements Lookup {}

    /** The source could not answer (I/O, API error); {@code reason} holds no secret material. */
    record Failed(String where, String reason) implements Lookup {}
}
