package dev.floe.gitops.compiler.validate;

import static dev.floe.gitops.compiler.validate.Shapes.*;

/** Every key of platform.yaml (FLOE-RUNTIME-REFERENCE §1 with the FORMATS.md decisions). */
public final class PlatformSchema {
    private PlatformSchema() {
    }

    public static final String ROLE_ARN = "^arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+$";
    static final String TLS = "^1\\.[0-3]$";

    public static Obj credentials() {
        return obj(
                opt("mode", oneOf("static", "oauth2", "iam_role", "service_account", "vended_credentials")),
                opt("client_id", strOrRef()),
                opt("client_secret", secretRef()),
                opt("scope", str()),
                opt("role_arn", pattern(ROLE_ARN, "an IAM role ARN like arn:aws:iam::123456789012:role/Name")),
                opt("secret_ref", secretName()));
    }

    static Obj storage() {
        return obj(
                opt("type", oneOf("s3", "gcs", "azure", "local")),
                opt("endpoint", strOrRef()),
                opt("region", str()),
                req("bucket", str(3, 63)),
                opt("path_style_access", bool()),
                opt("credentials", credentials()));
    }

    static Obj catalog() {
        return obj(
                opt("type", oneOf("polaris", "glue", "nessie", "rest", "hive")),
                req("uri", strOrRef()),
                req("warehouse", str(1, 255)),
                opt("namespace", str(1, 255)),
                opt("credentials", credentials()),
                opt("access_delegation", oneOf("vended-credentials", "remote-signing", "none")),
                opt("token_refresh_enabled", bool()),
                opt("properties", stringMap()));
    }

    static Obj compute() {
        return obj(
                opt("type", oneOf("duckdb", "snowflake", "bigquery", "redshift", "databricks", "postgres", "spark", "trino")),
                opt("properties", mapOf(any())),
                opt("credentials", credentials()));
    }

    static Obj layer() {
        return obj(
                req("name", new Str(PROFILE_NAME, "layer names start with a letter, then letters, digits, '_' or '-'", 1, 100)),
                opt("description", str(0, 500)),
                req("storage_ref", profileName()),
                opt("catalog_ref", profileName()),
                req("namespace", new Str(java.util.regex.Pattern.compile("^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"),
                        "only letters, digits, '_' and '.', without leading, trailing or doubled dots", 1, 255)),
                opt("retention_days", integer(1, 36500)),
                opt("properties", stringMap()));
    }

    public static Obj observability() {
        Obj exportersT = obj(opt("jaeger", bool()), opt("xray", bool()), opt("otlp", bool()));
        Obj sampling = obj(opt("sampling_type", oneOf("always_on", "always_off", "probabilistic", "rate_limiting")),
                opt("probability", number(0, 1)), opt("rate_limit", integer(1, Integer.MAX_VALUE)));
        Obj alerting = obj(opt("enabled", bool()), opt("rules", mapOf(obj(
                opt("severity", oneOf("info", "warning", "critical")), opt("notify", listOf(str()))))));
        return obj(
                opt("traces", bool()), opt("metrics", bool()), opt("lineage", bool()),
                opt("otlp_endpoint", str()), opt("lineage_endpoint", str()),
                opt("attributes", stringMap()),
                opt("tracing", obj(opt("sampling", sampling), opt("exporters", exportersT))),
                opt("metrics_config", obj(
                        opt("scrape_interval", pattern("^\\d+[smh]$", "a duration like 15s, 1m or 1h")),
                        opt("retention_days", integer(1, 365)),
                        opt("exporters", obj(opt("prometheus", bool()), opt("cloudwatch", bool()), opt("statsd", bool()))),
                        opt("alerting", alerting))),
                opt("logging", obj(
                        opt("level", oneOf("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")),
                        opt("log_format", oneOf("json", "text")),
                        opt("backends", obj(opt("loki", bool()), opt("cloudwatch", bool()), opt("elasticsearch", bool()))))),
                opt("compute_logs", obj(
                        opt("enabled", bool()),
                        opt("manager_type", oneOf("s3", "azure_blob", "gcs", "local", "noop")),
                        opt("storage_ref", profileName()),
                        opt("bucket", str()),
                        opt("prefix", str()),
                        opt("retention_days", integer(1, 365)),
                        opt("local_dir", str()),
                        opt("upload_interval", integer(1, 300)))));
    }

    static Obj infrastructure() {
        Obj ports = obj(
                opt("dagster", integer(30000, 32767)), opt("polaris", integer(30000, 32767)),
                opt("minio_console", integer(30000, 32767)), opt("jaeger", integer(30000, 32767)),
                opt("marquez_web", integer(30000, 32767)), opt("marquez_api", integer(30000, 32767)),
                opt("localstack", integer(30000, 32767)));
        String dns = "^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";
        Obj network = obj(
                opt("enabled", bool()),
                opt("dns", obj(opt("internal_domain", pattern(dns, "a DNS name")), opt("external_domain", pattern(dns, "a DNS name")),
                        opt("strategy", oneOf("kubernetes", "consul", "route53")))),
                opt("network_policies", obj(opt("enabled", bool()), opt("default_rule", oneOf("deny-all", "allow-all")),
                        opt("zones", mapOf(obj(opt("description", str()), opt("allowed_egress", listOf(str())),
                                opt("allowed_ingress", listOf(str()))))))),
                opt("ingress", obj(opt("enabled", bool()), opt("ingress_class", oneOf("nginx", "traefik", "alb", "gce")),
                        opt("tls", obj(opt("enabled", bool()), opt("provider", oneOf("cert-manager", "acm", "manual")),
                                opt("issuer", str()), opt("min_version", pattern(TLS, "a TLS version 1.0 to 1.3")))),
                        opt("routes", mapOf(obj(req("host", str()), req("service", str()), req("port", integer(1, 65535)),
                                opt("auth", str())))))),
                opt("local_access", obj(opt("enabled", bool()), opt("access_type", oneOf("nodeport", "port-forward", "loadbalancer")),
                        opt("ports", ports))));
        Obj aws = obj(
                opt("account_id", pattern("^\\d{12}$", "12 digits, quoted")),
                opt("vpc", obj(opt("id", pattern("^vpc-[a-f0-9]+$", "a VPC id like vpc-0abc123")), opt("subnets", mapOf(listOf(str()))))),
                opt("iam", obj(opt("service_accounts", mapOf(obj(req("role_arn", pattern(ROLE_ARN, "an IAM role ARN"))))))),
                opt("kms", obj(opt("key_arn", str()))),
                opt("cloudwatch", obj(opt("enabled", bool()), opt("log_group", str()), opt("metrics_namespace", str()))));
        Obj cloud = obj(opt("provider", oneOf("aws", "gcp", "azure", "local")), opt("region", str()), opt("aws", aws),
                opt("localstack", obj(opt("enabled", bool()), opt("endpoint", str()), opt("services", listOf(str())))));
        Obj lifecycle = obj(
                opt("cleanup", obj(opt("enabled", bool()), opt("jobs", obj(opt("ttl_seconds", integer(0, Integer.MAX_VALUE)),
                        opt("history_limits", mapOf(integer(0, Integer.MAX_VALUE))))))),
                opt("resource_quotas", obj(opt("enabled", bool()), opt("namespace_limits", obj(
                        opt("pods", integer(0, Integer.MAX_VALUE)), opt("requests_cpu", quantity()), opt("requests_memory", quantity()),
                        opt("limits_cpu", quantity()), opt("limits_memory", quantity()))))));
        Obj cpuMem = obj(opt("cpu", quantity()), opt("memory", quantity()));
        Obj resourceProfile = obj(req("requests", cpuMem), req("limits", cpuMem), opt("env", stringMap()));
        return obj(opt("timezone", timezone()), opt("network", network), opt("cloud", cloud), opt("lifecycle", lifecycle),
                opt("resource_profiles", mapOf(resourceProfile)));
    }

    static Obj security() {
        Obj oidc = obj(req("provider_url", str()), req("client_id", str()), opt("client_secret", secretRef()),
                opt("scopes", listOf(str())), opt("claims_mapping", obj(opt("email", str()), opt("groups", str()), opt("username", str()))));
        Obj authn = obj(opt("enabled", bool()), opt("method", oneOf("oidc", "oauth2", "saml", "static")), opt("oidc", oidc),
                opt("session", obj(opt("timeout_minutes", integer(1, 10080)), opt("max_sessions_per_user", integer(1, 100)),
                        opt("secure_cookies", bool()), opt("same_site", oneOf("Strict", "Lax", "None")))));
        Obj authz = obj(opt("enabled", bool()), opt("mode", oneOf("rbac", "abac")),
                opt("roles", mapOf(obj(opt("description", str()), opt("permissions", listOf(str()))))),
                opt("group_mappings", stringMap()));
        Obj backends = obj(
                opt("primary", oneOf("kubernetes", "vault", "aws_secrets_manager")),
                opt("kubernetes", obj(opt("enabled", bool()), opt("namespace", str()), opt("mount_path", str()))),
                opt("vault", obj(opt("enabled", bool()), opt("server_url", str()), opt("auth_method", oneOf("kubernetes", "jwt", "approle")),
                        opt("kubernetes_role", str()), opt("secret_path", str()))),
                opt("aws_secrets_manager", obj(opt("enabled", bool()), opt("region", str()), opt("prefix", str()))),
                opt("external_secrets", obj(req("store", obj(req("name", str(1, 253)), req("kind", oneOf("SecretStore", "ClusterSecretStore")))))));
        Obj encryption = obj(
                opt("in_transit", obj(opt("enabled", bool()), opt("min_tls_version", pattern(TLS, "a TLS version 1.0 to 1.3")))),
                opt("at_rest", obj(opt("enabled", bool()), opt("provider", oneOf("aws_kms", "gcp_kms", "local")), opt("key_ref", secretRef()))));
        Obj audit = obj(opt("enabled", bool()),
                opt("events", obj(opt("authentication", bool()), opt("authorization", bool()), opt("data_access", bool()),
                        opt("configuration_changes", bool()))),
                opt("backend", oneOf("cloudwatch", "loki", "elasticsearch")), opt("retention_days", integer(1, 3650)));
        return obj(opt("authentication", authn), opt("authorization", authz), opt("secret_backends", backends),
                opt("encryption", encryption), opt("audit", audit));
    }

    static Obj governance() {
        Obj policy = obj(opt("retention_days", integer(1, Integer.MAX_VALUE)), opt("archive_after_days", integer(1, Integer.MAX_VALUE)));
        return obj(
                opt("classifications", obj(opt("enabled", bool()), opt("classes", mapOf(obj(
                        opt("sensitivity", oneOf("low", "medium", "high", "critical")),
                        opt("encryption_required", bool()), opt("retention_days", integer(1, Integer.MAX_VALUE)),
                        opt("require_approval", bool()),
                        opt("compliance_required", listOf(oneOf("gdpr", "ccpa", "soc2", "hipaa", "pci_dss"))),
                        opt("masking_required", bool())))))),
                opt("retention", obj(opt("enabled", bool()), opt("default_policy", policy), opt("policies", mapOf(policy)))),
                opt("compliance", obj(opt("enabled", bool()), opt("frameworks", mapOf(obj(opt("enabled", bool()),
                        opt("enforcement", oneOf("strict", "moderate", "permissive"))))))),
                opt("data_quality", obj(opt("enabled", bool()),
                        opt("default_checks", listOf(oneOf("schema_validation", "null_percentage", "unique_constraints",
                                "referential_integrity", "value_ranges", "freshness"))),
                        opt("fail_on_error", bool()))));
    }

    public static Obj root() {
        return obj(
                opt("version", semver()),
                opt("storage", profiles(storage())),
                opt("catalogs", profiles(catalog())),
                opt("compute", profiles(compute())),
                opt("observability", observability()),
                opt("layers", profiles(layer())),
                opt("infrastructure", infrastructure()),
                opt("security", security()),
                opt("governance", governance()));
    }
}
