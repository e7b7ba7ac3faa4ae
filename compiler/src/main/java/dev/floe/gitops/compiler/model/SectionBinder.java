package dev.floe.gitops.compiler.model;

import static dev.floe.gitops.compiler.model.Nodes.*;

import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YNode.YMap;
import dev.floe.gitops.compiler.yaml.YNode.YScalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds the sections the compiler only passes on (security, infrastructure, governance, the observability blocks,
 * consumption, orchestration) to records with floe-runtime's defaults. Runs after the schema accepted the tree.
 */
public final class SectionBinder {
    private static final YNode EMPTY = new YMap(List.of(), 1, 1);

    private SectionBinder() {
    }

    private static YNode sub(YNode n, String... keys) {
        return at(n, keys).orElse(EMPTY);
    }

    private static int num(YNode n, String key, int dflt) {
        Integer v = integer(n, key);
        return v == null ? dflt : v;
    }

    private static double dbl(YNode n, String key, double dflt) {
        try {
            return at(n, key).filter(v -> v instanceof YScalar).map(v -> Double.parseDouble(((YScalar) v).value())).orElse(dflt);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static SecretRef ref(YNode n, String key) {
        return at(n, key).flatMap(PlatformBinder::ref).orElse(null);
    }

    private static <T> Map<String, T> map(YNode n, String key, Function<YNode, T> f) {
        Map<String, T> out = new LinkedHashMap<>();
        for (YMap.Entry e : entries(n, key)) {
            out.put(e.key().value(), f.apply(e.value()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Integer> ints(YNode n, String key) {
        return map(n, key, v -> v instanceof YScalar s ? Nodes.toInt(s.value()) : null);
    }

    public static Security security(YNode root) {
        YNode s = sub(root, "security");
        YNode a = sub(s, "authentication");
        Security.Oidc oidc = at(a, "oidc").map(o -> new Security.Oidc(str(o, "provider_url", null), str(o, "client_id", null),
                ref(o, "client_secret"), strings(o, "scopes"), stringMap(o, "claims_mapping"))).orElse(null);
        YNode session = sub(a, "session");
        YNode z = sub(s, "authorization");
        YNode b = sub(s, "secret_backends");
        YNode k = sub(b, "kubernetes");
        YNode v = sub(b, "vault");
        YNode aws = sub(b, "aws_secrets_manager");
        Security.ExternalSecretStore store = at(b, "external_secrets", "store")
                .map(st -> new Security.ExternalSecretStore(str(st, "name", null), str(st, "kind", null))).orElse(null);
        YNode enc = sub(s, "encryption");
        YNode audit = sub(s, "audit");
        YNode events = sub(audit, "events");
        Map<String, Boolean> ev = new LinkedHashMap<>();
        for (String e : List.of("authentication", "authorization", "data_access", "configuration_changes")) {
            ev.put(e, bool(events, e, true));
        }
        return new Security(
                new Security.Authentication(bool(a, "enabled", false), str(a, "method", "static"), oidc,
                        new Security.Session(num(session, "timeout_minutes", 480), num(session, "max_sessions_per_user", 5),
                                bool(session, "secure_cookies", true), str(session, "same_site", "Lax"))),
                new Security.Authorization(bool(z, "enabled", false), str(z, "mode", "rbac"),
                        map(z, "roles", r -> new Security.Role(str(r, "description", ""), strings(r, "permissions"))),
                        stringMap(z, "group_mappings")),
                new Security.SecretBackendsConfig(str(b, "primary", "kubernetes"),
                        new Security.KubernetesBackend(bool(k, "enabled", true), str(k, "namespace", "default"),
                                str(k, "mount_path", "/var/run/secrets")),
                        new Security.VaultBackend(bool(v, "enabled", false), str(v, "server_url", null), str(v, "auth_method", "kubernetes"),
                                str(v, "kubernetes_role", null), str(v, "secret_path", "secret/data/floe")),
                        new Security.AwsSecretsManagerBackend(bool(aws, "enabled", false), str(aws, "region", null),
                                str(aws, "prefix", "floe/")),
                        store),
                new Security.Encryption(bool(sub(enc, "in_transit"), "enabled", true), str(sub(enc, "in_transit"), "min_tls_version", "1.2"),
                        bool(sub(enc, "at_rest"), "enabled", false), str(sub(enc, "at_rest"), "provider", null),
                        ref(sub(enc, "at_rest"), "key_ref")),
                new Security.Audit(bool(audit, "enabled", false), Collections.unmodifiableMap(ev), str(audit, "backend", "loki"),
                        num(audit, "retention_days", 90)));
    }

    public static Infrastructure infrastructure(YNode root) {
        YNode i = sub(root, "infrastructure");
        YNode n = sub(i, "network");
        YNode dns = sub(n, "dns");
        YNode np = sub(n, "network_policies");
        YNode ing = sub(n, "ingress");
        YNode tls = sub(ing, "tls");
        YNode la = sub(n, "local_access");
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("dagster", 30000);
        defaults.put("polaris", 30181);
        defaults.put("minio_console", 30901);
        defaults.put("jaeger", 30686);
        defaults.put("marquez_web", 30301);
        defaults.put("marquez_api", 30500);
        defaults.put("localstack", 30566);
        defaults.forEach((key, d) -> ports.put(key, num(sub(la, "ports"), key, d)));
        YNode c = sub(i, "cloud");
        YNode aws = sub(c, "aws");
        YNode cw = sub(aws, "cloudwatch");
        YNode ls = sub(c, "localstack");
        YNode lc = sub(i, "lifecycle");
        YNode jobs = sub(lc, "cleanup", "jobs");
        Map<String, Integer> history = entries(jobs, "history_limits").isEmpty() ? Map.of("successful", 3, "failed", 5)
                : ints(jobs, "history_limits");
        return new Infrastructure(str(i, "timezone", "UTC"),
                new Infrastructure.Network(bool(n, "enabled", true),
                        new Infrastructure.Dns(str(dns, "internal_domain", null), str(dns, "external_domain", null), str(dns, "strategy", null)),
                        new Infrastructure.NetworkPolicies(bool(np, "enabled", false), str(np, "default_rule", "allow-all"),
                                map(np, "zones", zn -> new Infrastructure.Zone(str(zn, "description", null), strings(zn, "allowed_egress"),
                                        strings(zn, "allowed_ingress")))),
                        new Infrastructure.Ingress(bool(ing, "enabled", false), str(ing, "ingress_class", null),
                                new Infrastructure.Tls(bool(tls, "enabled", false), str(tls, "provider", null), str(tls, "issuer", null),
                                        str(tls, "min_version", null)),
                                map(ing, "routes", r -> new Infrastructure.Route(str(r, "host", null), str(r, "service", null),
                                        num(r, "port", 0), str(r, "auth", null)))),
                        new Infrastructure.LocalAccess(bool(la, "enabled", false), str(la, "access_type", null),
                                Collections.unmodifiableMap(ports))),
                new Infrastructure.Cloud(str(c, "provider", "local"), str(c, "region", null),
                        new Infrastructure.Aws(str(aws, "account_id", null), str(sub(aws, "vpc"), "id", null),
                                map(sub(aws, "vpc"), "subnets", SectionBinder::stringsOf),
                                map(sub(aws, "iam"), "service_accounts", sa -> str(sa, "role_arn", null)),
                                str(sub(aws, "kms"), "key_arn", null),
                                new Infrastructure.CloudWatch(bool(cw, "enabled", false), str(cw, "log_group", null),
                                        str(cw, "metrics_namespace", null))),
                        new Infrastructure.LocalStack(bool(ls, "enabled", false), str(ls, "endpoint", null),
                                items(ls, "services").isEmpty() ? List.of("s3", "sts") : strings(ls, "services"))),
                new Infrastructure.Lifecycle(bool(sub(lc, "cleanup"), "enabled", true), num(jobs, "ttl_seconds", 300), history,
                        bool(sub(lc, "resource_quotas"), "enabled", true), plainMap(sub(lc, "resource_quotas"), "namespace_limits")),
                map(i, "resource_profiles", rp -> new Infrastructure.ResourceProfile(plainMap(rp, "requests"), plainMap(rp, "limits"),
                        stringMap(rp, "env"))));
    }

    private static List<String> stringsOf(YNode seq) {
        return seq instanceof YNode.YSeq s ? s.items().stream().filter(x -> x instanceof YScalar)
                .map(x -> ((YScalar) x).value()).toList() : List.of();
    }

    public static PlatformGovernance governance(YNode root) {
        YNode g = sub(root, "governance");
        YNode cl = sub(g, "classifications");
        YNode rt = sub(g, "retention");
        YNode co = sub(g, "compliance");
        YNode dq = sub(g, "data_quality");
        Function<YNode, PlatformGovernance.RetentionPolicy> policy = p -> new PlatformGovernance.RetentionPolicy(
                num(p, "retention_days", 730), integer(p, "archive_after_days"));
        return new PlatformGovernance(bool(cl, "enabled", false),
                map(cl, "classes", c -> new PlatformGovernance.ClassificationClass(str(c, "sensitivity", "medium"),
                        bool(c, "encryption_required", false), integer(c, "retention_days"), bool(c, "require_approval", false),
                        strings(c, "compliance_required"), bool(c, "masking_required", false))),
                bool(rt, "enabled", false), policy.apply(sub(rt, "default_policy")), map(rt, "policies", policy),
                bool(co, "enabled", false),
                map(co, "frameworks", f -> new PlatformGovernance.Framework(bool(f, "enabled", false), str(f, "enforcement", "moderate"))),
                bool(dq, "enabled", false), strings(dq, "default_checks"), bool(dq, "fail_on_error", false));
    }

    public static ObservabilitySections observability(YNode root) {
        YNode o = sub(root, "observability");
        YNode t = sub(o, "tracing");
        YNode s = sub(t, "sampling");
        YNode e = sub(t, "exporters");
        YNode m = sub(o, "metrics_config");
        YNode me = sub(m, "exporters");
        YNode al = sub(m, "alerting");
        YNode l = sub(o, "logging");
        YNode lb = sub(l, "backends");
        YNode c = sub(o, "compute_logs");
        return new ObservabilitySections(
                new ObservabilitySections.Tracing(str(s, "sampling_type", "always_on"), dbl(s, "probability", 1.0),
                        integer(s, "rate_limit"), bool(e, "jaeger", true), bool(e, "xray", false), bool(e, "otlp", false)),
                new ObservabilitySections.MetricsConfig(str(m, "scrape_interval", "15s"), num(m, "retention_days", 15),
                        bool(me, "prometheus", true), bool(me, "cloudwatch", false), bool(me, "statsd", false),
                        bool(al, "enabled", false), map(al, "rules", r -> new ObservabilitySections.AlertRule(
                                str(r, "severity", null), strings(r, "notify")))),
                new ObservabilitySections.Logging(str(l, "level", "INFO"), str(l, "log_format", "json"), bool(lb, "loki", true),
                        bool(lb, "cloudwatch", false), bool(lb, "elasticsearch", false)),
                new ObservabilitySections.ComputeLogs(bool(c, "enabled", true), str(c, "manager_type", "s3"),
                        str(c, "storage_ref", "default"), str(c, "bucket", null), str(c, "prefix", "dagster-compute-logs/"),
                        num(c, "retention_days", 30), str(c, "local_dir", "/tmp/dagster-compute-logs"), num(c, "upload_interval", 30)));
    }

    public static Consumption consumption(YNode root) {
        YNode c = sub(root, "consumption");
        YNode p = sub(c, "pre_aggregations");
        YNode eb = sub(p, "export_bucket");
        YNode s = sub(c, "security");
        return new Consumption(bool(c, "enabled", false), str(c, "api_secret_ref", null), str(c, "database_type", null),
                bool(c, "dev_mode", false), str(p, "refresh_schedule", "*/30 * * * *"), str(p, "timezone", "UTC"),
                bool(p, "external", true), bool(sub(p, "cube_store"), "enabled", false), bool(eb, "enabled", false),
                str(eb, "bucket_type", null), str(eb, "name", null), str(eb, "integration", null),
                bool(s, "row_level", true), str(s, "filter_column", "organization_id"));
    }

    public static Orchestration orchestration(YNode root) {
        YNode o = sub(root, "orchestration");
        Orchestration.Dbt dbt = at(o, "dbt").map(d -> new Orchestration.Dbt(str(d, "manifest_path", null),
                str(d, "observability_level", "per_model"), str(d, "project_dir", null), str(d, "profiles_dir", null),
                str(d, "target", null))).orElse(null);
        return new Orchestration(strings(o, "asset_modules"), dbt,
                map(o, "partitions", SectionBinder::partition),
                map(o, "assets", a -> new Orchestration.Asset(str(a, "partitions", null), str(a, "automation_condition", null),
                        str(a, "backfill_policy", null), str(a, "compute_kind", null), str(a, "group_name", null))),
                map(o, "jobs", j -> str(j, "type", "").equals("ops")
                        ? new Orchestration.OpsJob(str(j, "target_function", null), at(j, "args").map(Nodes::plain).orElse(null),
                                str(j, "description", null), stringMap(j, "tags"))
                        : new Orchestration.BatchJob(strings(j, "selection"), str(j, "description", null), stringMap(j, "tags"))),
                map(o, "schedules", s -> new Orchestration.Schedule(str(s, "job", null), str(s, "cron_schedule", null),
                        str(s, "timezone", "UTC"), bool(s, "enabled", true), str(s, "partition_selector", null), str(s, "description", null))),
                map(o, "sensors", s -> {
                    Map<String, Object> settings = new LinkedHashMap<>();
                    if (s instanceof YMap m) {
                        for (YMap.Entry e : m.entries()) {
                            if (!List.of("type", "job", "poll_interval_seconds", "description").contains(e.key().value())) {
                                settings.put(e.key().value(), plain(e.value()));
                            }
                        }
                    }
                    return new Orchestration.Sensor(str(s, "type", null), str(s, "job", null), num(s, "poll_interval_seconds", 30),
                            str(s, "description", null), Collections.unmodifiableMap(settings));
                }),
                map(o, "backfills", b -> new Orchestration.Backfill(str(b, "job", null), str(sub(b, "partition_range"), "start", null),
                        str(sub(b, "partition_range"), "end", null), num(b, "batch_size", 10), str(b, "description", null),
                        stringMap(b, "tags"))));
    }

    private static Orchestration.Partition partition(YNode p) {
        return switch (str(p, "type", "")) {
            case "time_window" -> new Orchestration.TimeWindow(str(p, "start", null), str(p, "cron_schedule", null),
                    str(p, "timezone", "UTC"), str(p, "end", null), str(p, "fmt", null));
            case "static" -> new Orchestration.StaticPartition(strings(p, "partition_keys"));
            case "multi" -> new Orchestration.MultiPartition(plainMap(p, "partitions"));
            default -> new Orchestration.DynamicPartition(str(p, "fn", null));
        };
    }
}
