package dev.floe.gitops.runtime.config;

import java.util.List;

/**
 * One administrator-owned exemption (SPEC §7): objects in {@code namespaces} (empty: any) whose name
 * matches one of {@code names} (globs; empty: any) are not held to {@code rules} (empty: every rule).
 * The reason is required so that every exemption can be explained and reviewed.
 */
public record AdmissionExemption(List<String> namespaces, List<String> names, List<String> rules, String reason) {

    public AdmissionExemption {
        namespaces = List.copyOf(namespaces);
        names = List.copyOf(names);
        rules = List.copyOf(rules);
    }
}
