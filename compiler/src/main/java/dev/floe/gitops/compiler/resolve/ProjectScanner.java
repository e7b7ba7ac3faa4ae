package dev.floe.gitops.compiler.resolve;

import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.SourceException;
import dev.floe.gitops.compiler.SourcePaths;
import dev.floe.gitops.compiler.SourceTree;
import dev.floe.gitops.compiler.model.FloeBinder;
import dev.floe.gitops.compiler.model.Nodes;
import dev.floe.gitops.compiler.validate.Problems;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YamlLoad;
import dev.floe.gitops.compiler.yaml.YamlLoader;
import dev.floe.gitops.compiler.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks floe.yaml against the files of the source commit: each transform's project folder must hold a
 * dbt_project.yml naming a profile, and each model glob must match at least one file.
 */
public final class ProjectScanner {
    private final SourceTree source;
    private final YamlLoader loader;

    /** Project folders are relative to floe.yaml's folder ({@code base}, empty at the repository root). */
    private final String base;

    public ProjectScanner(SourceTree source, CompilerLimits limits, String floeYamlPath) {
        this.source = source;
        int slash = floeYamlPath.replace('\\', '/').lastIndexOf('/');
        this.base = slash < 0 ? "" : floeYamlPath.substring(0, slash + 1);
        this.loader = new YamlLoader(limits.maxDocumentBytes(), limits.maxDepth(), limits.maxAliases(), limits.maxNodes());
    }

    public ProjectFacts scan(YNode floeRoot, Problems problems, Problems.FileProblems floe) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        Map<String, String> profiles = new LinkedHashMap<>();
        List<YNode> transforms = Nodes.items(floeRoot, "transforms");
        for (int i = 0; i < transforms.size(); i++) {
            YNode t = transforms.get(i);
            String name = Nodes.str(t, "name", "");
            YNode projectNode = Nodes.at(t, "project").orElse(t);
            String declared = FloeBinder.normalise(Nodes.str(t, "project", ""));
            String project;
            try {
                project = SourcePaths.checkRelative(base + declared);
            } catch (SourceException e) {
                floe.at(projectNode, "transforms[" + i + "].project", e.getMessage(), "name a folder inside the repository");
                continue;
            }
            if (!profiles.containsKey(declared)) {
                dbtProfile(project, projectNode, i, problems, floe).ifPresent(p -> profiles.put(declared, p));
            }
            List<YNode> models = Nodes.items(t, "models");
            TreeSet<String> matched = new TreeSet<>();
            if (models.isEmpty()) {
                matched.addAll(list(project + "/models/**.sql", projectNode, "transforms[" + i + "].project", floe));
            }
            for (int j = 0; j < models.size(); j++) {
                YNode pathNode = Nodes.at(models.get(j), "path").orElse(models.get(j));
                String glob = Nodes.str(models.get(j), "path", "");
                String where = "transforms[" + i + "].models[" + j + "].path";
                if (glob.startsWith("/") || glob.contains("..")) {
                    floe.at(pathNode, where, "model glob '" + glob + "' must be relative to the project and may not contain '..'", null);
                    continue;
                }
                List<String> hits = list(project + "/" + glob, pathNode, where, floe);
                if (hits.isEmpty()) {
                    floe.at(pathNode, where, "model glob '" + glob + "' matches no file in project '" + project + "'",
                            "check the path; globs are relative to the project folder and '*' does not cross '/' (use '**')");
                }
                matched.addAll(hits);
            }
            files.put(name, List.copyOf(new ArrayList<>(matched)));
        }
        return new ProjectFacts(files, profiles);
    }

    private List<String> list(String glob, YNode at, String path, Problems.FileProblems floe) {
        try {
            return source.list(glob);
        } catch (SourceException e) {
            floe.at(at, path, e.getMessage(), null);
            return List.of();
        }
    }

    private Optional<String> dbtProfile(String project, YNode at, int i, Problems problems, Problems.FileProblems floe) {
        String file = project + "/dbt_project.yml";
        Optional<byte[]> bytes;
        try {
            bytes = source.read(file);
        } catch (SourceException e) {
            floe.at(at, "transforms[" + i + "].project", e.getMessage(), null);
            return Optional.empty();
        }
        if (bytes.isEmpty()) {
            floe.at(at, "transforms[" + i + "].project", "dbt project folder '" + project + "' has no dbt_project.yml",
                    "point 'project' at the folder that holds dbt_project.yml");
            return Optional.empty();
        }
        YamlLoad load = loader.load(bytes.get(), file);
        if (load instanceof YamlLoad.Rejected r) {
            for (YamlProblem p : r.problems()) {
                problems.in(file).at(p.line(), p.column(), p.path(), p.message(), p.hint());
            }
            return Optional.empty();
        }
        YNode root = ((YamlLoad.Loaded) load).root();
        Optional<YNode> profile = Nodes.at(root, "profile");
        if (profile.isEmpty() || !(profile.get() instanceof YNode.YScalar s) || s.value().isBlank()) {
            problems.in(file).at(root, "profile", "dbt_project.yml does not name a profile", "add profile: <name>");
            return Optional.empty();
        }
        return Optional.of(s.value());
    }
}
