package dev.floe.gitops.admission;

import java.util.List;

/** The answer to one review. Messages and warnings carry masked values only. */
public sealed interface Verdict {

    /** Allowed without anything to say. */
    record Allow() implements Verdict {}

    /** Allowed, with warnings kubectl shows to the user (each under 120 characters). */
    record Warn(List<String> warnings) implements Verdict {
        public Warn { warnings = List.copyOf(warnings); }
    }

    /** Denied with {@code status.code} and a message; {@code warnings} may add detail. */
    record Deny(int code, String message, List<String> warnings) implements Verdict {
        public Deny { warnings = List.copyOf(warnings); }
    }

    /** The label of the verdict in metrics and logs. */
    default String decision() {
        if (this instanceof Deny) return "deny";
        return this instanceof Warn ? "warn" : "allow";
    }
}
