package dev.floe.gitops.runtime.lifecycle;

/** Process exit codes, the same for every command. */
public enum ExitCode {
    /** Clean exit, including an orderly shutdown after SIGTERM. */
    OK(0),
    /** A runtime failure: a component failed to start or stop, or shutdown overran its grace period. */
    FAILURE(1),
    /** Bad usage or an invalid configuration: nothing was started. */
    USAGE(2);

    private final int code;

    ExitCode(int code) { this.code = code; }

    public int code() { return code; }

    /** The more severe of two codes. */
    public ExitCode worst(ExitCode other) { return other.code > code ? other : this; }
}
