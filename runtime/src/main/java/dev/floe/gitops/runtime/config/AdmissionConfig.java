package dev.floe.gitops.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code admission:} section: how the admission webhook answers. Certificate files absent: the
 * command generates a self-signed pair in {@code dataDir} (local use only).
 */
public record AdmissionConfig(
        int port,
        Mode mode,
        OldObjectFindings oldObjectFindings,
        FailureVerdict failureVerdict,
        Duration scanBudget,
        int maxBodyBytes,
        Optional<Path> certFile,
        Optional<Path> keyFile,
        List<AdmissionExemption> exemptions) {

    /** enforce: deny with 403; warn: allow with warnings; audit: allow, log and count only. */
    public enum Mode { ENFORCE, WARN, AUDIT }

    /** What a finding that was already in {@code oldObject} does on UPDATE. */
    public enum OldObjectFindings { WARN, ENFORCE }

    /** The answer when the scan cannot finish within its budget. */
    public enum FailureVerdict { ALLOW, DENY }

    public static final Duration DEFAULT_SCAN_BUDGET = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_BODY_BYTES = 8 << 20;

    public AdmissionConfig {
        exemptions = List.copyOf(exemptions);
    }

    /** The documented defaults, for tests and embedding. */
    public static AdmissionConfig defaults() {
        return new AdmissionConfig(8443, Mode.ENFORCE, OldObjectFindings.WARN, FailureVerdict.DENY, DEFAULT_SCAN_BUDGET,
                DEFAULT_MAX_BODY_BYTES, Optional.empty(), Optional.empty(), List.of());
    }

    public AdmissionConfig withMode(Mode newMode) {
        return new AdmissionConfig(port, newMode, oldObjectFindings, failureVerdict, scanBudget, maxBodyBytes, certFile, keyFile, exemptions);
    }

    public AdmissionConfig withExemptions(List<AdmissionExemption> newExemptions) {
        return new AdmissionConfig(port, mode, oldObjectFindings, failureVerdict, scanBudget, maxBodyBytes, certFile, keyFile, newExemptions);
    }
}
