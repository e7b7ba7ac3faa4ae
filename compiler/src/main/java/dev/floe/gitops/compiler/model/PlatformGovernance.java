package dev.floe.gitops.compiler.model;

import java.util.List;
import java.util.Map;

/** platform.yaml {@code governance} (reference §1.12). */
public record PlatformGovernance(boolean classificationsEnabled, Map<String, ClassificationClass> classes,
                                 boolean retentionEnabled, RetentionPolicy defaultPolicy, Map<String, RetentionPolicy> policies,
                                 boolean complianceEnabled, Map<String, Framework> frameworks,
                                 boolean dataQualityEnabled, List<String> defaultChecks, boolean failOnError) {

    public record ClassificationClass(String sensitivity, boolean encryptionRequired, Integer retentionDays,
                                      boolean requireApproval, List<String> complianceRequired, boolean maskingRequired) {
    }

    public record RetentionPolicy(int retentionDays, Integer archiveAfterDays) {
    }

    public record Framework(boolean enabled, String enforcement) {
    }
}
