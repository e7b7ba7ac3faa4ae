package dev.floe.gitops.admission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.floe.gitops.runtime.config.AdmissionExemption;

/**
 * Administrator-owned exemptions from the server's configuration (SPEC §7). Only the namespace and name
 * the API server reports are consulted, never labels or annotations of the object: a manifest cannot
 * exempt itself.
 */
public final class Exemptions {

    private final List<AdmissionExemption> entries;

    public Exemptions(List<AdmissionExemption> entries) {
        this.entries = List.copyOf(entries);
    }

    public ExemptionScope scopeFor(ReviewRequest request) {
        boolean all = false;
        Set<String> rules = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        for (AdmissionExemption e : entries) {
            if (!covers(e, request.namespace(), request.name())) continue;
            if (e.rules().isEmpty()) all = true;
            rules.addAll(e.rules());
            reasons.add(e.reason());
        }
        return reasons.isEmpty() ? ExemptionScope.NONE : new ExemptionScope(all, rules, reasons);
    }

    static boolean covers(AdmissionExemption e, String namespace, String name) {
        if (!e.namespaces().isEmpty() && !e.namespaces().contains(namespace)) return false;
        if (e.names().isEmpty()) return true;
        for (String glob : e.names()) {
            if (Glob.matches(glob, name)) return true;
        }
        return false;
    }

    /** {@code *} any run of characters, {@code ?} one character; everything else literal. */
    static final class Glob {
        private Glob() {}

        /** Greedy matching with one backtrack point: linear in practice, never exponential. */
        static boolean matches(String glob, String text) {
            int g = 0;
            int t = 0;
            int star = -1;
            int mark = 0;
            while (t < text.length()) {
                if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                    g++;
                    t++;
                } else if (g < glob.length() && glob.charAt(g) == '*') {
                    star = g++;
                    mark = t;
                } else if (star >= 0) {
                    g = star + 1;
                    t = ++mark;
                } else {
                    return false;
                }
            }
            while (g < glob.length() && glob.charAt(g) == '*') g++;
            return g == glob.length();
        }
    }
}
