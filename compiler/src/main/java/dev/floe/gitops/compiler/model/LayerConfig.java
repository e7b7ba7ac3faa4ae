package dev.floe.gitops.compiler.model;

import java.util.Map;

/** platform.yaml {@code layers.<key>}. */
public record LayerConfig(String key, String name, String description, String storageRef, String catalogRef,
                          String namespace, Integer retentionDays, Map<String, String> properties) {
}
