package dev.floe.gitops.runtime.config;

/**
 * One documented key. {@code defaultValue} is the text shown in the docs and used by the binder when the
 * key is absent ({@code null}: required, or no value).
 */
public record KeySpec(String name, ValueType type, String defaultValue, String description) {

    public static KeySpec key(String name, ValueType type, String defaultValue, String description) {
        return new KeySpec(name, type, defaultValue, description);
    }
}
