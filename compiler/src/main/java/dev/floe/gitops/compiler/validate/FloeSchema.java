package dev.floe.gitops.compiler.validate;

import static dev.floe.gitops.compiler.validate.Shapes.*;

import java.util.Map;
import java.util.Set;

/**
 * Every key of floe.yaml in our dialect (FORMATS.md), plus floe-runtime's consumption, orchestration,
 * service_account and principal_role. Infrastructure keys are not part of it: {@link TwoTierRule} reports them.
 */
public final class FloeSchema {
    private FloeSchema() {
    }

    /** Keys that describe infrastructure; anywhere in floe.yaml they "belong in platform.yaml". */
    public static final Set<String> INFRASTRUCTURE_KEYS = Set.of(
            "endpoint", "uri", "host", "port", "bucket", "password", "token", "access_key", "secret_key",
            "access_key_id", "secret_access_key", "credentials", "region", "warehouse", "client_id", "client_secret",
            "role_arn", "otlp_endpoint", "lineage_endpoint", "s3_endpoint", "s3_region", "s3_bucket",
            "s3_access_key_ref", "s3_secret_key_ref", "access_key_ref", "secret_key_ref", "secret_ref",
            "catalog_uri", "account", "http_path", "keyfile");

    static final String NAME_RULE = "start with a letter; then letters, digits, '_' or '-' (at most 100)";

    static Obj orchestration() {
        Shape ident = identifier();
        Obj timeWindow = obj(req("start", pattern("^\\d{4}-\\d{2}-\\d{2}$", "a date YYYY-MM-DD")), req("cron_schedule", cron()),
                opt("timezone", timezone()), opt("end", pattern("^\\d{4}-\\d{2}-\\d{2}$", "a date YYYY-MM-DD")), opt("fmt", str()));
        Shape partition = union("type", null, Map.of(
                "time_window", timeWindow,
                "static", obj(req("partition_keys", listOf(str(1, 255), 1))),
                "multi", obj(req("partitions", identMap(any()))),
                "dynamic", obj(req("fn", pattern(DOTTED, "a dotted Python path")))));
        Obj sensorBase = obj(req("job", ident), opt("poll_interval_seconds", integer(1, Integer.MAX_VALUE)), opt("description", str()));
        Shape sensor = union("type", null, Map.of(
                "file_watcher", sensorBase.with(req("path", str()), opt("pattern", str())),
                "asset_sensor", sensorBase.with(req("watched_assets", listOf(str(1, 1000), 1))),
                "run_status", sensorBase.with(req("watched_jobs", listOf(str(1, 1000), 1)), opt("status", oneOf("SUCCESS", "FAILURE", "STARTED"))),
                "custom", sensorBase.with(req("target_function", pattern(DOTTED, "module.function")), opt("args", any()))));
        Shape job = union("type", null, Map.of(
                "batch", obj(req("selection", listOf(str(1, 1000), 1)), opt("description", str(0, 500)), opt("tags", stringMap())),
                "ops", obj(req("target_function", pattern(DOTTED, "module.function")), opt("args", any()),
                        opt("description", str(0, 500)), opt("tags", stringMap()))));
        return obj(
                opt("asset_modules", listOf(pattern(DOTTED, "a dotted Python module path"))),
                opt("dbt", obj(req("manifest_path", str()), opt("observability_level", oneOf("per_model", "job_level")),
                        opt("project_dir", str()), opt("profiles_dir", str()), opt("target", identifier()))),
                opt("partitions", identMap(partition)),
                opt("assets", mapOf(obj(opt("partitions", ident), opt("automation_condition", oneOf("eager", "on_cron", "on_missing")),
                        opt("backfill_policy", oneOf("lazy", "eager")), opt("compute_kind", str()), opt("group_name", ident)))),
                opt("jobs", identMap(job)),
                opt("schedules", identMap(obj(req("job", ident), req("cron_schedule", cron()), opt("timezone", timezone()),
                        opt("enabled", bool()), opt("partition_selector", oneOf("latest", "all")), opt("description", str())))),
                opt("sensors", identMap(sensor)),
                opt("backfills", identMap(obj(req("job", ident), req("partition_range", obj(req("start", str()), req("end", str()))),
                        opt("batch_size", integer(1, Integer.MAX_VALUE)), opt("description", str()), opt("tags", stringMap())))));
    }

    static Obj consumption() {
        return obj(
                opt("enabled", bool()),
                opt("api_secret_ref", secretName()),
                opt("database_type", str()),
                opt("dev_mode", bool()),
                opt("pre_aggregations", obj(opt("refresh_schedule", cron()), opt("timezone", timezone()), opt("external", bool()),
                        opt("cube_store", obj(opt("enabled", bool()))),
                        opt("export_bucket", obj(opt("enabled", bool()), opt("bucket_type", str()), opt("name", str()),
                                opt("integration", str()))))),
                opt("security", obj(opt("row_level", bool()), opt("filter_column", str()))));
    }

    /** An image reference; ${SOURCE_SHA} is the only substitution (FORMATS.md). */
    static Shape image() {
        java.util.regex.Pattern substitution = java.util.regex.Pattern.compile("\\$\\{([^}]*)}?");
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile(
                "^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+(?::[A-Za-z0-9_.-]{1,128})?(?:@sha256:[a-f0-9]{64})?$");
        return (node, path, c) -> Shapes.string(node, path, c).ifPresent(v -> {
            if (v.isEmpty() || v.length() > 1000) {
                c.problems().at(node, path, "image must be 1 to 1000 characters long, got " + v.length(), null);
                return;
            }
            java.util.regex.Matcher m = substitution.matcher(v);
            while (m.find()) {
                if (!m.group().equals("${SOURCE_SHA}")) {
                    c.problems().at(node, path, "unsupported substitution '" + m.group() + "' in image; ${SOURCE_SHA} is the only one",
                            "write ${SOURCE_SHA} for the source commit, or a fixed tag");
                    return;
                }
            }
            if (!reference.matcher(v.replace("${SOURCE_SHA}", "0123456789abcdef0123456789abcdef01234567")).matches()) {
                c.problems().at(node, path, "invalid image reference '" + Shapes.clip(v) + "'",
                        "write registry/repository:tag, e.g. ghcr.io/acme/pipeline:${SOURCE_SHA}");
            }
        });
    }

    public static Obj root() {
        Obj transform = obj(
                req("name", pattern(PROFILE_NAME, "transform names start with a letter, then letters, digits, '_' or '-'")),
                opt("type", oneOf("dbt")),
                req("project", str(1, 255)),
                opt("models", listOf(obj(req("path", str(1, 1000))))))
                .hint("path", "floe.yaml names the dbt folder with 'project:' and model globs under 'models: [{path: ...}]'");
        Obj schedule = obj(
                req("name", pattern(PROFILE_NAME, "schedule names start with a letter, then letters, digits, '_' or '-'")),
                req("cron", cron()),
                opt("timezone", timezone()),
                req("transforms", listOf(str(), 1)));
        String move = "profile references go under 'profiles:' (profiles: {storage: default, catalog: default, compute: default})";
        return obj(
                req("name", new Str(java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9_-]{0,99}$"), NAME_RULE, 1, 100)),
                req("version", semver()),
                opt("profiles", obj(opt("storage", profileName()), opt("catalog", profileName()), opt("compute", profileName()))),
                opt("transforms", listOf(transform)),
                opt("schedules", listOf(schedule)),
                opt("image", image()),
                opt("dagster", obj(opt("module", pattern(DOTTED, "a dotted Python module path like floe_dagster.definitions")))),
                opt("governance", obj(opt("classification_source", oneOf("dbt_meta", "external")), opt("policies", mapOf(any())),
                        opt("emit_lineage", bool()))),
                opt("observability", obj(opt("traces", bool()), opt("metrics", bool()), opt("lineage", bool()),
                        opt("attributes", stringMap()))),
                opt("consumption", consumption()),
                opt("orchestration", orchestration()),
                opt("service_account", profileName()),
                opt("principal_role", profileName()))
                .hint("storage", move).hint("catalog", move).hint("compute", move);
    }
}
