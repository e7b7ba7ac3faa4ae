package dev.floe.gitops.runtime.secrets;

import java.util.regex.Pattern;

/**
 * A reference {@code {secret_ref: name}}. The name is also a file name and a Kubernetes object name, so it
 * is restricted to DNS-subdomain characters: that keeps {@code <secretsDir>/<name>} inside the folder.
 */
public record SecretRef(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    public SecretRef {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid secret reference name '" + name
                    + "': lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** The environment variable checked first: upper case, '-' and '.' become '_'. */
    public String environmentVariable() {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    @Override
    public String toString() { return "secret_ref:" + name; }
}
