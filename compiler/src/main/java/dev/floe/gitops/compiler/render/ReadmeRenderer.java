package dev.floe.gitops.compiler.render;

import dev.floe.gitops.compiler.resolve.CompiledArtifacts;
import java.util.Set;
import java.util.TreeSet;

/** README.md of a deploy branch: what it is, where it came from, how to read it, and not to edit it. */
public final class ReadmeRenderer {
    private ReadmeRenderer() {
    }

    public static String render(CompiledArtifacts a, String header, Set<String> files) {
        var m = a.metadata();
        StringBuilder b = new StringBuilder();
        b.append("<!-- ").append(header).append(" -->\n");
        b.append("# ").append(a.pipeline()).append(" — environment `").append(m.environment()).append("`\n\n");
        b.append("This branch is **generated** by floe-gitops. Do not edit it: every change is overwritten by the next render.\n");
        b.append("Change `floe.yaml` in the pipeline repository, or `platform.yaml` of the environment, instead.\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| environment | `").append(m.environment()).append("` |\n");
        b.append("| source repository | `").append(m.source().repository()).append("` |\n");
        b.append("| source commit | `").append(m.source().commit()).append("` |\n");
        b.append("| source ref | `").append(m.source().ref()).append("` |\n");
        b.append("| floe.yaml digest | `").append(m.sourceHash()).append("` |\n");
        b.append("| platform.yaml digest | `").append(m.platformDigest()).append("` |\n");
        b.append("| generator | floe-gitops ").append(m.generatorVersion()).append(" |\n\n");
        b.append("## How to read this branch\n\n");
        b.append("- `compiled_artifacts.json`: floe.yaml resolved against the environment's platform.yaml; secrets appear only as references.\n");
        b.append("- `dbt/profiles.yml`, `iceberg/.pyiceberg.yaml`");
        b.append(a.image() != null ? ", `dagster/workspace.yaml`" : "");
        b.append(": runtime configuration, also carried in the ConfigMap.\n");
        b.append("- `manifests/`: one Kubernetes object per file; `kustomization.yaml` lists them. Apply with Argo CD, Flux or `kubectl apply -k .`.\n");
        b.append("- The commit's `Floe-Source-Commit` trailer names the source commit.\n\n");
        b.append("## Files\n\n");
        TreeSet<String> all = new TreeSet<>(files);
        all.add("README.md");
        for (String f : all) {
            b.append("- `").append(f).append("`\n");
        }
        return b.toString();
    }
}
