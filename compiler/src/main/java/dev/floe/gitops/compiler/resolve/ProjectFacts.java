package dev.floe.gitops.compiler.resolve;

import java.util.List;
import java.util.Map;

/** What the compiler learned from the source tree: model files per transform, dbt profile name per project. */
public record ProjectFacts(Map<String, List<String>> modelFiles, Map<String, String> dbtProfiles) {
}
