package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.policy.Severity;
import dev.floe.gitops.runtime.config.AdmissionExemption;

class ExemptionsTest {

    private static ReviewRequest request(String namespace, String name, Object object) {
        return new ReviewRequest("admission.k8s.io/v1", "u", ReviewRequest.Operation.CREATE, "Deployment", "", namespace, name, false, object, null);
    }

    private static Finding finding(String rule) {
        return new Finding(rule, "spec.x", "", 0, "*** (3 chars)", Severity.HIGH, "");
    }

    @Test
    void namespaceAndNameGlobAndRulesCombine() {
        Exemptions e = new Exemptions(List.of(
                new AdmissionExemption(List.of("legacy"), List.of(), List.of(), "whole namespace"),
                new AdmissionExemption(List.of(), List.of("billing-*", "job-?"), List.of("secret-named-key"), "one rule")));
        assertThat(e.scopeFor(request("legacy", "anything", null)).allRules()).isTrue();
        ExemptionScope billing = e.scopeFor(request("shop", "billing-api", null));
        assertThat(billing.allRules()).isFalse();
        assertThat(billing.keep(List.of(finding("secret-named-key"), finding("github-pat")))).extracting(Finding::ruleId).containsExactly("github-pat");
        assertThat(billing.reasons()).containsExactly("one rule");
        assertThat(e.scopeFor(request("shop", "job-1", null)).rules()).containsExactly("secret-named-key");
        assertThat(e.scopeFor(request("shop", "job-12", null))).isEqualTo(ExemptionScope.NONE);
        assertThat(e.scopeFor(request("shop", "payments", null))).isEqualTo(ExemptionScope.NONE);
    }

    @Test
    void theObjectCannotExemptItself() {
        Exemptions e = new Exemptions(List.of(new AdmissionExemption(List.of("legacy"), List.of(), List.of(), "r")));
        Object object = java.util.Map.of("metadata", java.util.Map.of("namespace", "legacy", "annotations", java.util.Map.of("floe-gitops.dev/exempt", "true")));
        // Only the request's namespace counts: the parser takes it from the API server's request, not from the object.
        assertThat(e.scopeFor(request("shop", "x", object))).isEqualTo(ExemptionScope.NONE);
    }

    @Test
    void globsMatchInLinearTimeOnHostileInput() {
        assertThat(Exemptions.Glob.matches("*", "")).isTrue();
        assertThat(Exemptions.Glob.matches("a*b*c", "axxbyyc")).isTrue();
        assertThat(Exemptions.Glob.matches("a*b*c", "axxbyy")).isFalse();
        assertThat(Exemptions.Glob.matches("?", "")).isFalse();
        // A backtracking glob would take hours here; the generous timeout only catches that, it measures nothing.
        boolean matched = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> Exemptions.Glob.matches("*a*a*a*a*a*a*a*a*b", "a".repeat(253)));
        assertThat(matched).isFalse();
    }
}
