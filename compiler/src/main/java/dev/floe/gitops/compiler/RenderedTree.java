package dev.floe.gitops.compiler;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The rendered deploy tree: relative path → file bytes, sorted by path. */
public record RenderedTree(SortedMap<String, byte[]> files) {
    public RenderedTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
