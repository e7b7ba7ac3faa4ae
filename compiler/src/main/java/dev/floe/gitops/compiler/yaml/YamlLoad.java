package dev.floe.gitops.compiler.yaml;

import java.util.List;

/** The outcome of reading one YAML document: a node tree, or every problem that stopped it. */
public sealed interface YamlLoad {
    record Loaded(YNode root) implements YamlLoad {
    }

    record Rejected(List<YamlProblem> problems) implements YamlLoad {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
