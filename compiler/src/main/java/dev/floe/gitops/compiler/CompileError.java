package dev.floe.gitops.compiler;

/**
 * One problem found while compiling. Line and column are 1-based; {@code path} is the key path
 * ({@code storage.default.bucket}, {@code transforms[0].name}); {@code hint} may be null.
 */
public record CompileError(String file, int line, int column, String path, String message, String hint) {

    /** {@code file:line:col: message}, followed by {@code ; hint} when there is one. */
    public String format() {
        String base = file + ":" + line + ":" + column + ": " + message;
        return hint == null || hint.isEmpty() ? base : base + "; " + hint;
    }

    @Override
    public String toString() {
        return format();
    }
}
