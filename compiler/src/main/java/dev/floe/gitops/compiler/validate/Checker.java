package dev.floe.gitops.compiler.validate;

import java.util.Set;

/**
 * The context of one schema walk: where errors go, and which keys are silently skipped because a separate
 * rule (the two-tier rule in floe.yaml) already reported them.
 */
public record Checker(Problems.FileProblems problems, Set<String> reportedElsewhere) {
    public String where(String path) {
        return path.isEmpty() ? problems.file() : path;
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
