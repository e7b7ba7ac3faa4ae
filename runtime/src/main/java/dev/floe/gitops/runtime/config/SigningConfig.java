package dev.floe.gitops.runtime.config;

import dev.floe.gitops.runtime.secrets.SecretRef;
import java.util.Objects;
import java.util.Optional;

/**
 * How deploy commits are signed (SPEC §4, optional): the key format and the secret references of the private key and,
 * when the key is encrypted, its passphrase.
 */
public record SigningConfig(String format, SecretRef key, Optional<SecretRef> passphrase) {

    public static final String SSH = "ssh";
    public static final String OPENPGP = "openpgp";

    public SigningConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(key, "key");
        passphrase = passphrase == null ? Optional.empty() : passphrase;
    }
}
