package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.policy.ScanResult;
import dev.floe.gitops.policy.Severity;
import dev.floe.gitops.runtime.config.AdmissionConfig;

class VerdictPolicyTest {

    private static final Finding PASSWORD = new Finding("secret-named-key", "spec.containers[0].env[0].value", "", 0, "*** (9 chars)", Severity.MEDIUM, "");
    private static final Finding TOKEN = new Finding("github-pat", "spec.containers[0].env[1].value", "", 0, "ghp_*** (40 chars)", Severity.HIGH, "");

    private static ReviewRequest request(ReviewRequest.Operation op, boolean dryRun) {
        return new ReviewRequest("admission.k8s.io/v1", "u", op, "Pod", "", "shop", "p", dryRun, Map.of(), Map.of());
    }

    private static ReviewScan scan(List<Finding> object, List<Finding> old) {
        return new ReviewScan(object.isEmpty() ? new ScanResult.Clean() : new ScanResult.Findings(object),
                old.isEmpty() ? new ScanResult.Clean() : new ScanResult.Findings(old));
    }

    private static VerdictPolicy policy(AdmissionConfig.Mode mode) {
        return new VerdictPolicy(AdmissionConfig.defaults().withMode(mode));
    }

    @Test
    void modesDecideWhatNewFindingsDo() {
        ReviewRequest create = request(ReviewRequest.Operation.CREATE, false);
        ReviewScan leak = scan(List.of(PASSWORD), List.of());
        assertThat(policy(AdmissionConfig.Mode.ENFORCE).decide(create, leak, ExemptionScope.NONE).verdict()).isInstanceOf(Verdict.Deny.class);
        assertThat(policy(AdmissionConfig.Mode.WARN).decide(create, leak, ExemptionScope.NONE).verdict()).isInstanceOf(Verdict.Warn.class);
        Decision audit = policy(AdmissionConfig.Mode.AUDIT).decide(create, leak, ExemptionScope.NONE);
        assertThat(audit.verdict()).isInstanceOf(Verdict.Allow.class);
        assertThat(audit.label()).isEqualTo("audit");
        assertThat(audit.findings()).containsExactly(PASSWORD);
    }

    @Test
    void dryRunGetsTheSameVerdict() {
        ReviewScan leak = scan(List.of(PASSWORD), List.of());
        VerdictPolicy p = policy(AdmissionConfig.Mode.ENFORCE);
        assertThat(p.decide(request(ReviewRequest.Operation.CREATE, true), leak, ExemptionScope.NONE))
                .isEqualTo(p.decide(request(ReviewRequest.Operation.CREATE, false), leak, ExemptionScope.NONE));
    }

    @Test
    void deleteAndConnectAreAllowed() {
        ReviewScan leak = scan(List.of(PASSWORD), List.of());
        for (ReviewRequest.Operation op : List.of(ReviewRequest.Operation.DELETE, ReviewRequest.Operation.CONNECT)) {
            assertThat(policy(AdmissionConfig.Mode.ENFORCE).decide(request(op, false), leak, ExemptionScope.NONE).verdict()).isEqualTo(new Verdict.Allow());
        }
    }

    @Test
    void onUpdateFindingsAlreadyInTheOldObjectOnlyWarnUnlessEnforced() {
        ReviewRequest update = request(ReviewRequest.Operation.UPDATE, false);
        Decision legacy = policy(AdmissionConfig.Mode.ENFORCE).decide(update, scan(List.of(PASSWORD), List.of(PASSWORD)), ExemptionScope.NONE);
        assertThat(legacy.verdict()).isInstanceOf(Verdict.Warn.class);
        assertThat(((Verdict.Warn) legacy.verdict()).warnings()).singleElement().asString().contains("already present: secret-named-key");
        Decision mixed = policy(AdmissionConfig.Mode.ENFORCE).decide(update, scan(List.of(PASSWORD, TOKEN), List.of(PASSWORD)), ExemptionScope.NONE);
        assertThat(mixed.verdict()).isInstanceOf(Verdict.Deny.class);
        assertThat(((Verdict.Deny) mixed.verdict()).message()).contains("github-pat").doesNotContain("secret-named-key");
        AdmissionConfig d = AdmissionConfig.defaults();
        AdmissionConfig strict = new AdmissionConfig(d.port(), d.mode(), AdmissionConfig.OldObjectFindings.ENFORCE, d.failureVerdict(), d.scanBudget(),
                d.maxBodyBytes(), d.certFile(), d.keyFile(), d.exemptions());
        assertThat(new VerdictPolicy(strict).decide(update, scan(List.of(PASSWORD), List.of(PASSWORD)), ExemptionScope.NONE).verdict())
                .isInstanceOf(Verdict.Deny.class);
    }

    @Test
    void aScanOverBudgetGetsTheFailureVerdict() {
        ReviewScan exceeded = new ReviewScan(new ScanResult.BudgetExceeded(List.of(), "time"), new ScanResult.Clean());
        ReviewRequest create = request(ReviewRequest.Operation.CREATE, false);
        assertThat(policy(AdmissionConfig.Mode.AUDIT).decide(create, exceeded, ExemptionScope.NONE).verdict()).isInstanceOf(Verdict.Deny.class);
        AdmissionConfig d = AdmissionConfig.defaults();
        AdmissionConfig allow = new AdmissionConfig(d.port(), d.mode(), d.oldObjectFindings(), AdmissionConfig.FailureVerdict.ALLOW, d.scanBudget(),
                d.maxBodyBytes(), d.certFile(), d.keyFile(), d.exemptions());
        assertThat(new VerdictPolicy(allow).decide(create, exceeded, ExemptionScope.NONE).verdict()).isInstanceOf(Verdict.Warn.class);
    }

    @Test
    void theScannerStopsAtItsDeadlineWithAClockThatRuns() {
        AtomicLong now = new AtomicLong();
        // Every look at the clock costs a second: the budget of two seconds runs out during the scan.
        ReviewScanner scanner = new ReviewScanner(PolicyEngine.defaults(), Duration.ofSeconds(2), () -> now.addAndGet(1_000_000_000L));
        Map<String, Object> pod = Map.of("spec", Map.of("containers", List.of(Map.of("name", "a", "env",
                List.of(Map.of("name", "DB_PASSWORD", "value", "adm-hunter2-Zq9"))))));
        ReviewScan result = scanner.scan(new ReviewRequest("admission.k8s.io/v1", "u", ReviewRequest.Operation.UPDATE, "Pod", "", "", "",
                false, pod, pod));
        assertThat(result.budgetExceeded()).isTrue();
    }

    @Test
    void messagesAreShortAndListRuleAtPathMasked() {
        List<String> warnings = Messages.warnings("", List.of(new Finding("secret-named-key", "data[\"" + "x".repeat(300) + "\"].password", "", 0,
                "*** (12 chars)", Severity.MEDIUM, "")));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.length()).isLessThan(120);
            assertThat(w).startsWith("floe-gitops: secret-named-key at data[\"xxx").endsWith("].password (*** (12 chars))");
        });
        String denial = Messages.denial(request(ReviewRequest.Operation.CREATE, false), List.of(PASSWORD));
        assertThat(denial).contains("secret-named-key at spec.containers[0].env[0].value (*** (9 chars))");
    }
}
