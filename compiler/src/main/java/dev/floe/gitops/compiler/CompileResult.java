package dev.floe.gitops.compiler;

import dev.floe.gitops.compiler.resolve.CompiledArtifacts;
import java.util.List;

/** A compile either produces the artifacts and their tree, or every error found. */
public sealed interface CompileResult {
    record Compiled(CompiledArtifacts artifacts, RenderedTree tree) implements CompileResult {
    }

    record Failed(List<CompileError> errors) implements CompileResult {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
