package dev.floe.gitops.compiler.model;

/** floe.yaml {@code consumption} (reference §2.4, minus the infrastructure keys the two-tier rule forbids). */
public record Consumption(boolean enabled, String apiSecretRef, String databaseType, boolean devMode,
                          String refreshSchedule, String timezone, boolean external, boolean cubeStoreEnabled,
                          boolean exportBucketEnabled, String exportBucketType, String exportBucketName,
                          String exportBucketIntegration, boolean rowLevelSecurity, String filterColumn) {
}
