package dev.floe.gitops.compiler;

import java.util.List;
import java.util.Optional;

/**
 * The files of one source commit, addressed by relative path. The compiler reads the pipeline repository only
 * through this seam, so the worker can back it with a Git tree and tests with a folder.
 */
public interface SourceTree {
    /** The bytes of a file, or empty when there is no such file. Rejects paths that leave the tree. */
    Optional<byte[]> read(String relativePath) throws SourceException;

    /** Relative paths ('/'-separated, sorted) of the files matching a Java NIO glob ({@code **} crosses folders). */
    List<String> list(String glob) throws SourceException;

    /** A short human description for error messages (a folder, or repository@commit). */
    String describe();
}
