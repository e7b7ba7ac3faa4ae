package dev.floe.gitops.runtime.secrets;

import java.util.List;

/** A reference no source could resolve. The message names the reference and every place looked, never a value. */
public final class SecretNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SecretRef ref;
    private final List<String> lookedAt;

    public SecretNotFoundException(SecretRef ref, List<String> lookedAt) {
        super("secret '" + ref.name() + "' not found; looked at: " + String.join(", ", lookedAt), null, false, false);
        this.ref = ref;
        this.lookedAt = List.copyOf(lookedAt);
    }

    public SecretRef ref() { return ref; }

    public List<String> lookedAt() { return lookedAt; }
}
