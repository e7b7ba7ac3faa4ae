package dev.floe.gitops.runtime.lifecycle;

import java.util.List;

/** How an orderly shutdown went, and so which exit code the process ends with. */
public sealed interface ShutdownOutcome permits ShutdownOutcome.Clean, ShutdownOutcome.Incomplete {

    ExitCode exitCode();

    /** Every component stopped in time; the exit code is the reason for stopping (OK for SIGTERM). */
    record Clean(ExitCode exitCode) implements ShutdownOutcome {}

    /** Components that failed to stop or overran the grace period; always a failure exit. */
    record Incomplete(List<String> failed, List<String> timedOut) implements ShutdownOutcome {
        public Incomplete {
            failed = List.copyOf(failed);
            timedOut = List.copyOf(timedOut);
        }

        @Override
        public ExitCode exitCode() { return ExitCode.FAILURE; }
    }
}
