package dev.floe.gitops.admission;

import java.util.ArrayList;
import java.util.List;

import dev.floe.gitops.policy.Finding;

/**
 * The texts a user sees in kubectl. A finding is shown as {@code rule at path (masked)}; the masked form
 * is all the engine gives us, so no text here can carry a secret. Long texts are shortened in the middle
 * of the path (its head says where, its tail says which field).
 */
final class Messages {

    /** Kubernetes shows every warning; kubectl prints each on one line, so each stays short. */
    static final int MAX_WARNING = 119;
    static final int MAX_WARNINGS = 10;
    /** Findings listed in a denial; the rest are counted. */
    static final int MAX_LISTED = 5;
    static final int MAX_PATH_IN_MESSAGE = 120;
    static final String PREFIX = "floe-gitops: ";
    static final String REMEDIATION = "Move each value into a Secret and reference it (env valueFrom.secretKeyRef, a mounted Secret volume); rotate it if it was real.";

    private Messages() {}

    static String denial(ReviewRequest request, List<Finding> findings) {
        StringBuilder sb = new StringBuilder("floe-gitops denied ").append(describe(request)).append(": ")
                .append(findings.size()).append(findings.size() == 1 ? " inline secret: " : " inline secrets: ");
        for (int i = 0; i < Math.min(MAX_LISTED, findings.size()); i++) {
            if (i > 0) sb.append("; ");
            sb.append(line(findings.get(i), MAX_PATH_IN_MESSAGE));
        }
        if (findings.size() > MAX_LISTED) sb.append("; and ").append(findings.size() - MAX_LISTED).append(" more");
        return sb.append(". ").append(REMEDIATION).toString();
    }

    static String budgetDenial(ReviewRequest request) {
        return "floe-gitops denied " + describe(request)
                + ": the inline-secret scan did not finish within its time budget (admission.failureVerdict: deny)";
    }

    static String budgetWarning() {
        return PREFIX + "not scanned for inline secrets (time budget exceeded); allowed by failureVerdict";
    }

    /** One warning per finding, each under 120 characters, at most {@value #MAX_WARNINGS}. */
    static List<String> warnings(String label, List<Finding> findings) {
        List<String> out = new ArrayList<>();
        int shown = Math.min(findings.size(), findings.size() > MAX_WARNINGS ? MAX_WARNINGS - 1 : MAX_WARNINGS);
        for (int i = 0; i < shown; i++) out.add(warning(label, findings.get(i)));
        if (findings.size() > shown) {
            out.add(PREFIX + "and " + (findings.size() - shown) + " more" + (label.isEmpty() ? " findings" : " " + label.replace(":", "").strip()));
        }
        return out;
    }

    static String warning(String label, Finding f) {
        String head = PREFIX + label + f.ruleId() + " at ";
        String tail = " (" + f.masked() + ")";
        int room = MAX_WARNING - head.length() - tail.length();
        String text = head + shorten(f.path().isEmpty() ? "<root>" : f.path(), Math.max(room, 12)) + tail;
        return text.length() <= MAX_WARNING ? text : text.substring(0, MAX_WARNING - 1) + "…";
    }

    static String line(Finding f, int maxPath) {
        return f.ruleId() + " at " + shorten(f.path().isEmpty() ? "<root>" : f.path(), maxPath) + " (" + f.masked() + ")";
    }

    /** Keeps both ends of a long path: {@code spec.template…env[2].value}. */
    static String shorten(String text, int max) {
        if (text.length() <= max) return text;
        int head = (max - 1) / 2;
        int tail = max - 1 - head;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }

    /** {@code Deployment shop/api}: kind and name as the API server reported them, shortened. */
    static String describe(ReviewRequest request) {
        String kind = request.kind().isEmpty() ? "object" : shorten(request.kind(), 63);
        String name = request.name().isEmpty() ? "" : " " + (request.namespace().isEmpty() ? "" : shorten(request.namespace(), 63) + "/")
                + shorten(request.name(), 80);
        return kind + name;
    }
}
