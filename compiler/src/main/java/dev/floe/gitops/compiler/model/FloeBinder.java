package dev.floe.gitops.compiler.model;

import static dev.floe.gitops.compiler.model.Nodes.*;

import dev.floe.gitops.compiler.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/** Binds a schema-checked floe.yaml tree to records. */
public final class FloeBinder {
    private FloeBinder() {
    }

    public static FloeSpec bind(YNode root) {
        YNode profiles = at(root, "profiles").orElse(null);
        FloeSpec.Profiles p = new FloeSpec.Profiles(
                profiles == null ? "default" : str(profiles, "storage", "default"),
                profiles == null ? "default" : str(profiles, "catalog", "default"),
                profiles == null ? "default" : str(profiles, "compute", "default"));
        List<FloeSpec.Transform> transforms = new ArrayList<>();
        for (YNode t : items(root, "transforms")) {
            List<String> models = new ArrayList<>();
            for (YNode m : items(t, "models")) {
                models.add(str(m, "path", ""));
            }
            transforms.add(new FloeSpec.Transform(str(t, "name", ""), str(t, "type", "dbt"), normalise(str(t, "project", "")),
                    List.copyOf(models)));
        }
        List<FloeSpec.Schedule> schedules = new ArrayList<>();
        for (YNode s : items(root, "schedules")) {
            schedules.add(new FloeSpec.Schedule(str(s, "name", ""), str(s, "cron", ""), str(s, "timezone", "UTC"), strings(s, "transforms")));
        }
        YNode gov = at(root, "governance").orElse(null);
        FloeSpec.Governance governance = new FloeSpec.Governance(
                gov == null ? "dbt_meta" : str(gov, "classification_source", "dbt_meta"),
                gov == null ? java.util.Map.of() : plainMap(gov, "policies"),
                gov == null || bool(gov, "emit_lineage", true));
        YNode obs = at(root, "observability").orElse(null);
        FloeSpec.Observability observability = obs == null
                ? new FloeSpec.Observability(true, true, true, java.util.Map.of())
                : new FloeSpec.Observability(bool(obs, "traces", true), bool(obs, "metrics", true), bool(obs, "lineage", true),
                        stringMap(obs, "attributes"));
        return new FloeSpec(str(root, "name", ""), str(root, "version", ""), p, List.copyOf(transforms), List.copyOf(schedules),
                str(root, "image", null), at(root, "dagster", "module").map(n -> ((YNode.YScalar) n).value()).orElse(null),
                governance, observability, SectionBinder.consumption(root), SectionBinder.orchestration(root),
                str(root, "service_account", null), str(root, "principal_role", null));
    }

    /** Project folders are compared and rendered without "./" or a trailing '/'. */
    public static String normalise(String project) {
        String p = project;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
