package dev.floe.gitops.compiler.resolve;

import dev.floe.gitops.compiler.SourceInfo;
import dev.floe.gitops.compiler.model.CatalogProfile;
import dev.floe.gitops.compiler.model.ComputeProfile;
import dev.floe.gitops.compiler.model.FloeSpec;
import dev.floe.gitops.compiler.model.Nodes;
import dev.floe.gitops.compiler.model.PlatformSpec;
import dev.floe.gitops.compiler.model.StorageProfile;
import dev.floe.gitops.compiler.render.KubeNames;
import dev.floe.gitops.compiler.validate.DidYouMean;
import dev.floe.gitops.compiler.validate.Problems;
import dev.floe.gitops.compiler.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves floe.yaml's profile names against one environment's platform.yaml into {@link CompiledArtifacts}.
 * Secret references stay references: this class decides which Kubernetes Secret and variable each becomes,
 * and never reads a value.
 */
public final class PlatformResolver {
    public static final String GENERATOR_VERSION = "0.1.0";
    static final Map<String, List<String>> REQUIRED_PROPERTIES = Map.of(
            "snowflake", List.of("account"), "bigquery", List.of("project"), "redshift", List.of("host"),
            "postgres", List.of("host"), "databricks", List.of("host"), "spark", List.of("host", "schema"),
            "trino", List.of("host"));

    /** Everything the resolver needs; positions come from the node trees. */
    public record Input(FloeSpec floe, YNode floeRoot, Problems.FileProblems floeProblems, PlatformSpec platform,
                        YNode platformRoot, Problems.FileProblems platformProblems, ProjectFacts facts, String environment,
                        SourceInfo source, byte[] floeBytes, byte[] platformBytes) {
    }

    public Optional<CompiledArtifacts> resolve(Input in) {
        int before = in.floeProblems().all().size();
        FloeSpec f = in.floe();
        PlatformSpec p = in.platform();
        StorageProfile storage = profile("storage", "storage", f.profiles().storage(), p.storage(), in);
        CatalogProfile catalog = profile("catalog", "catalogs", f.profiles().catalog(), p.catalogs(), in);
        ComputeProfile compute = profile("compute", "compute", f.profiles().compute(), p.compute(), in);
        if (storage != null && catalog != null && storage.credentials().mode().equals("vended_credentials")
                && !catalog.accessDelegation().equals("vended-credentials")) {
            YNode at = Nodes.at(in.platformRoot(), "storage", storage.name(), "credentials", "mode").orElse(in.platformRoot());
            in.platformProblems().at(at, "storage." + storage.name() + ".credentials.mode",
                    "storage profile '" + storage.name() + "' uses vended_credentials, but catalog profile '" + catalog.name()
                            + "' (resolved for " + f.name() + ") has access_delegation " + catalog.accessDelegation(),
                    "set access_delegation: vended-credentials on catalogs." + catalog.name() + " or use another credentials mode");
        }
        if (compute != null) {
            for (String key : REQUIRED_PROPERTIES.getOrDefault(compute.type(), List.of())) {
                if (!compute.properties().containsKey(key)) {
                    YNode at = Nodes.at(in.platformRoot(), "compute", compute.name()).orElse(in.platformRoot());
                    in.platformProblems().at(at, "compute." + compute.name() + ".properties",
                            "compute profile '" + compute.name() + "' (" + compute.type() + ") needs properties." + key + " for dbt",
                            null);
                }
            }
        }
        if (storage == null || catalog == null || compute == null || in.floeProblems().all().size() != before) {
            return Optional.empty();
        }
        RuntimeBinding binding = new RuntimeBinding(in);
        binding.storage(storage, catalog);
        binding.catalog(catalog);
        binding.compute(compute);
        if (in.floeProblems().all().size() != before) {
            return Optional.empty();
        }
        return Optional.of(assemble(in, storage, catalog, compute, binding));
    }

    private CompiledArtifacts assemble(Input in, StorageProfile storage, CatalogProfile catalog, ComputeProfile compute,
                                       RuntimeBinding binding) {
        FloeSpec f = in.floe();
        PlatformSpec p = in.platform();
        List<CompiledArtifacts.ResolvedTransform> transforms = new ArrayList<>();
        LinkedHashSet<String> projects = new LinkedHashSet<>();
        for (FloeSpec.Transform t : f.transforms()) {
            transforms.add(new CompiledArtifacts.ResolvedTransform(t.name(), t.type(), t.project(), t.models(),
                    in.facts().modelFiles().getOrDefault(t.name(), List.of())));
            projects.add(t.project());
        }
        List<CompiledArtifacts.DbtProject> dbtProjects = new ArrayList<>();
        for (String project : projects) {
            dbtProjects.add(new CompiledArtifacts.DbtProject(project, in.facts().dbtProfiles().getOrDefault(project, f.name())));
        }
        CompiledArtifacts.Dbt dbt = new CompiledArtifacts.Dbt(
                dbtProjects.isEmpty() ? null : dbtProjects.get(0).projectPath(), "/etc/floe/dbt",
                dbtProjects.isEmpty() ? f.name() : dbtProjects.get(0).profileName(), in.environment(), List.copyOf(dbtProjects));
        Map<String, String> attributes = new TreeMap<>(p.observability().attributes());
        attributes.putAll(f.observability().attributes());
        var po = p.observability();
        YNode observabilityNode = Nodes.at(in.platformRoot(), "observability").orElse(in.platformRoot());
        var fo = f.observability();
        CompiledArtifacts.Observability obs = new CompiledArtifacts.Observability(po.traces() && fo.traces(),
                po.metrics() && fo.metrics(), po.lineage() && fo.lineage() && f.governance().emitLineage(),
                po.otlpEndpoint(), po.lineageEndpoint(), Map.copyOf(attributes),
                Nodes.plainMap(observabilityNode, "tracing"), Nodes.plainMap(observabilityNode, "metrics_config"),
                Nodes.plainMap(observabilityNode, "logging"), Nodes.plainMap(observabilityNode, "compute_logs"));
        String image = f.image() == null ? null : f.image().replace("${SOURCE_SHA}", in.source().commit());
        CompiledArtifacts.Metadata meta = new CompiledArtifacts.Metadata(GENERATOR_VERSION, in.environment(), in.source(),
                "sha256:" + KubeNames.sha256Hex(in.floeBytes()), "sha256:" + KubeNames.sha256Hex(in.platformBytes()));
        return new CompiledArtifacts(meta, f.name(), f.version(), List.copyOf(transforms), f.schedules(), image,
                f.dagsterModule() == null ? "floe_dagster.definitions" : f.dagsterModule(), storage, catalog, compute,
                p.layers(), obs, f.governance(), Nodes.plainMap(in.platformRoot(), "governance"), dbt, binding.secretUses(),
                binding.build(), p.secretBackends(), Nodes.plainMap(in.floeRoot(), "consumption"),
                Nodes.plainMap(in.floeRoot(), "orchestration"), f.serviceAccount(), f.principalRole());
    }

    private <T> T profile(String kind, String section, String name, Map<String, T> available, Input in) {
        T found = available.get(name);
        if (found != null) {
            return found;
        }
        YNode at = Nodes.at(in.floeRoot(), "profiles", kind)
                .or(() -> Nodes.at(in.floeRoot(), "profiles"))
                .orElse(in.floeRoot());
        List<String> names = List.copyOf(available.keySet());
        in.floeProblems().at(at, "profiles." + kind, "unknown " + kind + " profile '" + name + "' in environment '"
                        + in.environment() + "'; available: " + (names.isEmpty() ? "none" : String.join(", ", names)),
                DidYouMean.hint(name, names).orElse("add " + section + "." + name + " to platform.yaml or pick an available profile"));
        return null;
    }
}
