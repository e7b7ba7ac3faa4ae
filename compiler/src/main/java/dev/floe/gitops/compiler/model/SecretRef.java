package dev.floe.gitops.compiler.model;

import java.util.Locale;

/** A reference to a secret by name; the compiler never sees the value. */
public record SecretRef(String name) {
    /** The run-time variable: upper case, '-' → '_' (FORMATS.md "Names and references"). */
    public String envVar() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
