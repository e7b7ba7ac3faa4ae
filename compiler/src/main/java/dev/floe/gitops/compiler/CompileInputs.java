package dev.floe.gitops.compiler;

import dev.floe.gitops.compiler.model.Nodes;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YamlLoad;
import dev.floe.gitops.compiler.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The inputs that decide a render (SPEC §4): floe.yaml plus every dbt project folder its transforms name;
 * {@code wholeTree} when the image is built from the whole tree (it uses ${SOURCE_SHA}). The worker walks
 * first-parent history filtered by these paths to find the render's source commit.
 */
public record CompileInputs(List<String> paths, boolean wholeTree) {
    public CompileInputs {
        paths = List.copyOf(paths);
    }

    /** Never throws: a floe.yaml that cannot be read still depends on floe.yaml itself. */
    public static CompileInputs of(byte[] floeYaml) {
        try {
            CompilerLimits l = CompilerLimits.defaults();
            YamlLoad load = new YamlLoader(l.maxDocumentBytes(), l.maxDepth(), l.maxAliases(), l.maxNodes())
                    .load(floeYaml == null ? new byte[0] : floeYaml, "floe.yaml");
            if (!(load instanceof YamlLoad.Loaded loaded) || !(loaded.root() instanceof YNode.YMap root)) {
                return new CompileInputs(List.of("floe.yaml"), false);
            }
            TreeSet<String> projects = new TreeSet<>();
            for (YNode t : Nodes.items(root, "transforms")) {
                String project = Nodes.str(t, "project", null);
                if (project == null) {
                    continue;
                }
                try {
                    projects.add(SourcePaths.checkRelative(project));
                } catch (SourceException e) {
                    // an invalid folder is reported by the compiler; it is not an input
                }
            }
            List<String> paths = new ArrayList<>();
            paths.add("floe.yaml");
            paths.addAll(projects);
            String image = Nodes.str(root, "image", "");
            return new CompileInputs(paths, image.contains("${SOURCE_SHA}"));
        } catch (RuntimeException e) {
            return new CompileInputs(List.of("floe.yaml"), false);
        }
    }
}
