package dev.floe.gitops.compiler.validate;

import dev.floe.gitops.compiler.CompileError;
import dev.floe.gitops.compiler.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of a compile, so a run reports all of them at once, sorted by file and position. */
public final class Problems {
    private final List<CompileError> errors = new ArrayList<>();

    public void add(CompileError error) {
        errors.add(error);
    }

    public FileProblems in(String file) {
        return new FileProblems(file, this);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<CompileError> sorted() {
        List<CompileError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparing(CompileError::file).thenComparingInt(CompileError::line)
                .thenComparingInt(CompileError::column).thenComparing(CompileError::message));
        return List.copyOf(out.stream().distinct().toList());
    }

    /** The errors of one file. */
    public record FileProblems(String file, Problems all) {
        public void at(YNode node, String path, String message, String hint) {
            at(node.line(), node.column(), path, message, hint);
        }

        public void at(int line, int column, String path, String message, String hint) {
            all.add(new CompileError(file, line, column, path, message, hint));
        }
    }
}
