package dev.floe.gitops.compiler.validate;

import dev.floe.gitops.compiler.yaml.YNode;

/** A node's expected shape: checks a node and reports every mismatch through the checker. */
public interface Shape {
    void check(YNode node, String path, Checker c);
}
