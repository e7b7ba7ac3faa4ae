package dev.floe.gitops.compiler.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ordered map builder that skips null values, so optional keys simply do not appear. */
public final class Doc {
    private final Map<String, Object> map = new LinkedHashMap<>();

    public static Doc of() {
        return new Doc();
    }

    public Doc put(String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
        return this;
    }

    public Doc putNonEmpty(String key, Map<?, ?> value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
        return this;
    }

    public Map<String, Object> map() {
        return map;
    }
}
