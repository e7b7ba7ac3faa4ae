package dev.floe.gitops.compiler.render;

import dev.floe.gitops.compiler.model.CatalogProfile;
import dev.floe.gitops.compiler.model.ComputeProfile;
import dev.floe.gitops.compiler.model.Credentials;
import dev.floe.gitops.compiler.model.FloeSpec;
import dev.floe.gitops.compiler.model.LayerConfig;
import dev.floe.gitops.compiler.model.StorageProfile;
import dev.floe.gitops.compiler.model.StringOrRef;
import dev.floe.gitops.compiler.resolve.CompiledArtifacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** compiled_artifacts.json: FORMATS.md's CompiledArtifacts with a fixed key order (written out here, on purpose). */
public final class ArtifactsJson {
    private ArtifactsJson() {
    }

    public static String render(CompiledArtifacts a) {
        return JsonWriter.write(toMap(a));
    }

    public static Map<String, Object> toMap(CompiledArtifacts a) {
        var m = a.metadata();
        Doc source = Doc.of().put("repository", m.source().repository()).put("commit", m.source().commit()).put("ref", m.source().ref());
        Doc meta = Doc.of().put("generator_version", m.generatorVersion()).put("environment", m.environment())
                .put("source", source.map()).put("source_hash", m.sourceHash()).put("platform_digest", m.platformDigest());
        List<Object> transforms = new ArrayList<>();
        for (var t : a.transforms()) {
            transforms.add(Doc.of().put("name", t.name()).put("type", t.type()).put("project", t.project())
                    .put("models", t.models()).put("model_files", t.modelFiles()).map());
        }
        List<Object> schedules = new ArrayList<>();
        for (FloeSpec.Schedule s : a.schedules()) {
            schedules.add(Doc.of().put("name", s.name()).put("cron", s.cron()).put("timezone", s.timezone())
                    .put("transforms", s.transforms()).map());
        }
        Doc layers = Doc.of();
        for (LayerConfig l : a.layers().values()) {
            layers.put(l.key(), Doc.of().put("name", l.name()).put("description", l.description()).put("storage_ref", l.storageRef())
                    .put("catalog_ref", l.catalogRef()).put("namespace", l.namespace()).put("retention_days", l.retentionDays())
                    .put("properties", new TreeMap<>(l.properties())).map());
        }
        var o = a.observability();
        Doc obs = Doc.of().put("traces", o.traces()).put("metrics", o.metrics()).put("lineage", o.lineage())
                .put("otlp_endpoint", o.otlpEndpoint()).put("lineage_endpoint", o.lineageEndpoint())
                .put("attributes", new TreeMap<>(o.attributes())).putNonEmpty("tracing", o.tracing())
                .putNonEmpty("metrics_config", o.metricsConfig()).putNonEmpty("logging", o.logging())
                .putNonEmpty("compute_logs", o.computeLogs());
        Doc gov = Doc.of().put("classification_source", a.governance().classificationSource())
                .put("emit_lineage", a.governance().emitLineage()).put("policies", a.governance().policies())
                .putNonEmpty("platform", a.platformGovernance());
        List<Object> projects = new ArrayList<>();
        for (var p : a.dbt().projects()) {
            projects.add(Doc.of().put("project_path", p.projectPath()).put("profile_name", p.profileName()).map());
        }
        Doc dbt = Doc.of().put("project_path", a.dbt().projectPath()).put("profiles_dir", a.dbt().profilesDir())
                .put("profile_name", a.dbt().profileName()).put("target", a.dbt().target()).put("projects", projects);
        List<Object> secrets = new ArrayList<>();
        for (var s : a.secrets()) {
            secrets.add(Doc.of().put("secret_ref", s.ref()).put("kubernetes_secret", s.kubernetesSecret()).put("keys", s.keys())
                    .put("variables", s.variables()).put("used_by", s.usedBy()).map());
        }
        Doc doc = Doc.of()
                .put("format", CompiledArtifacts.FORMAT)
                .put("metadata", meta.map())
                .put("pipeline", Doc.of().put("name", a.pipeline()).put("version", a.version())
                        .put("service_account", a.serviceAccount()).put("principal_role", a.principalRole()).map())
                .put("transforms", transforms)
                .put("schedules", schedules)
                .put("image", a.image())
                .put("dagster", a.image() == null ? null : Doc.of().put("module", a.dagsterModule()).map())
                .put("resolved_profiles", Doc.of().put("storage", storage(a.storage())).put("catalog", catalog(a.catalog()))
                        .put("compute", compute(a.compute())).map())
                .put("resolved_layers", layers.map())
                .put("observability", obs.map())
                .put("governance", gov.map())
                .put("dbt", dbt.map())
                .put("secrets", secrets)
                .putNonEmpty("consumption", a.consumption())
                .putNonEmpty("orchestration", a.orchestration());
        return doc.map();
    }

    static Object value(StringOrRef v) {
        if (v == null) {
            return null;
        }
        return v instanceof StringOrRef.Ref r ? Map.of("secret_ref", r.ref().name()) : ((StringOrRef.Literal) v).value();
    }

    static Map<String, Object> credentials(Credentials c) {
        return Doc.of().put("mode", c.mode()).put("client_id", value(c.clientId()))
                .put("client_secret", c.clientSecret() == null ? null : Map.of("secret_ref", c.clientSecret().name()))
                .put("scope", c.scope()).put("role_arn", c.roleArn()).put("secret_ref", c.secretRef()).map();
    }

    static Map<String, Object> storage(StorageProfile s) {
        return Doc.of().put("name", s.name()).put("type", s.type()).put("endpoint", value(s.endpoint())).put("region", s.region())
                .put("bucket", s.bucket()).put("path_style_access", s.pathStyleAccess()).put("credentials", credentials(s.credentials()))
                .map();
    }

    static Map<String, Object> catalog(CatalogProfile c) {
        return Doc.of().put("name", c.name()).put("type", c.type()).put("uri", value(c.uri())).put("warehouse", c.warehouse())
                .put("namespace", c.namespace()).put("access_delegation", c.accessDelegation())
                .put("token_refresh_enabled", c.tokenRefreshEnabled()).put("credentials", credentials(c.credentials()))
                .put("properties", new TreeMap<>(c.properties())).map();
    }

    static Map<String, Object> compute(ComputeProfile c) {
        return Doc.of().put("name", c.name()).put("type", c.type()).put("properties", c.properties())
                .put("credentials", credentials(c.credentials())).map();
    }
}
