package dev.floe.gitops.runtime.config;

/**
 * Where a configuration value came from. Errors cite it, and relative paths resolve against it:
 * values from the file resolve against the file's folder, values from flags or the environment
 * against the working directory (they were typed by someone standing there).
 */
public sealed interface Origin {

    /** Human-readable location, e.g. {@code floe-gitops.yaml:12:5} or {@code env FLOE_GITOPS_SERVER_PORT}. */
    String describe();

    /** A position in the config file; line and column are 1-based (0: the file as a whole). */
    record File(String name, int line, int column) implements Origin {
        @Override public String describe() { return line <= 0 ? name : name + ":" + line + ":" + column; }
    }

    record Environment(String variable) implements Origin {
        @Override public String describe() { return "environment variable " + variable; }
    }

    record Flag(String key) implements Origin {
        @Override public String describe() { return "flag " + key; }
    }

    /** Built-in defaults and nodes created only to hold an override. */
    record Default() implements Origin {
        @Override public String describe() { return "default"; }
    }

    Origin DEFAULT = new Default();
}
