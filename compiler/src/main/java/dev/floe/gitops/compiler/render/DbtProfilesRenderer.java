package dev.floe.gitops.compiler.render;

import dev.floe.gitops.compiler.model.ComputeProfile;
import dev.floe.gitops.compiler.model.Credentials;
import dev.floe.gitops.compiler.model.SecretRef;
import dev.floe.gitops.compiler.resolve.CompiledArtifacts;
import dev.floe.gitops.compiler.resolve.SecretVars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt/profiles.yml: one profile per dbt project, target = environment, adapter keys per compute type.
 * Credentials are {@code {{ env_var('DBT_ENV_SECRET_…') }}} (dbt scrubs those from logs); numbers from the
 * environment go through {@code as_number}.
 */
public final class DbtProfilesRenderer {
    private static final Set<String> NUMERIC = Set.of("port", "threads", "connect_timeout", "retries", "keepalives_idle");

    private DbtProfilesRenderer() {
    }

    public static Map<String, Object> render(CompiledArtifacts a) {
        Map<String, Object> output = output(a.compute(), a.pipeline());
        Map<String, Object> root = new LinkedHashMap<>();
        List<CompiledArtifacts.DbtProject> projects = a.dbt().projects();
        List<String> names = projects.isEmpty() ? List.of(a.dbt().profileName())
                : projects.stream().map(CompiledArtifacts.DbtProject::profileName).distinct().toList();
        for (String name : names) {
            root.put(name, Doc.of().put("target", a.dbt().target())
                    .put("outputs", Doc.of().put(a.dbt().target(), output).map()).map());
        }
        return root;
    }

    static String envVar(String name, boolean number) {
        return "{{ env_var('" + name + "')" + (number ? " | as_number" : "") + " }}";
    }

    static Map<String, Object> output(ComputeProfile c, String pipeline) {
        Props p = new Props(c.properties());
        Credentials cr = c.credentials();
        String secret = cr.mode().equals("static") ? cr.secretRef() : null;
        String user = secret == null ? null : envVar(SecretVars.compute(secret, "USERNAME"), false);
        String password = secret == null ? null : envVar(SecretVars.compute(secret, "PASSWORD"), false);
        String schema = pipeline.replace('-', '_');
        Doc d = Doc.of().put("type", c.type());
        switch (c.type()) {
            case "duckdb" -> {
                d.put("path", p.get("path", ":memory:")).put("threads", p.get("threads", 4)).put("extensions", p.get("extensions", null));
                if (p.has("memory_limit")) {
                    d.put("settings", Doc.of().put("memory_limit", p.get("memory_limit", null)).map());
                }
            }
            case "snowflake" -> {
                d.put("account", p.get("account", null)).put("user", user != null ? user : p.get("user", null));
                if (p.has("authenticator")) {
                    d.put("authenticator", p.get("authenticator", null));
                } else {
                    d.put("password", password != null ? password : p.get("password", null));
                }
                d.put("role", p.get("role", null)).put("warehouse", p.get("warehouse", null))
                        .put("database", p.get("database", null)).put("schema", p.get("schema", schema)).put("threads", p.get("threads", 4));
            }
            case "bigquery" -> d.put("method", secret != null ? "service-account" : p.get("method", "oauth"))
                    .put("project", p.get("project", null)).put("dataset", p.get("dataset", p.get("schema", schema)))
                    .put("keyfile", secret != null ? SecretVars.keyfilePath(secret) : null)
                    .put("location", p.get("location", null)).put("threads", p.get("threads", 4));
            case "redshift", "postgres" -> d.put("host", p.get("host", null))
                    .put("port", p.get("port", c.type().equals("redshift") ? 5439 : 5432))
                    .put("user", user != null ? user : p.get("user", null))
                    .put("password", password != null ? password : p.get("password", null))
                    .put("dbname", p.get("dbname", p.get("database", null))).put("schema", p.get("schema", schema))
                    .put("threads", p.get("threads", 4));
            case "databricks" -> d.put("host", p.get("host", null)).put("http_path", p.get("http_path", null))
                    .put("token", secret == null ? p.get("token", null) : envVar(SecretVars.compute(secret, "TOKEN"), false))
                    .put("catalog", p.get("catalog", null)).put("schema", p.get("schema", schema)).put("threads", p.get("threads", 4));
            case "spark" -> d.put("method", p.get("method", "thrift")).put("host", p.get("host", null))
                    .put("port", p.get("port", 10000)).put("cluster", p.get("cluster", null))
                    .put("user", user).put("schema", p.get("schema", null)).put("threads", p.get("threads", 4));
            case "trino" -> d.put("method", secret != null ? "ldap" : p.get("method", "none")).put("host", p.get("host", null))
                    .put("port", p.get("port", 443)).put("user", user != null ? user : p.get("user", null))
                    .put("password", password != null ? password : p.get("password", null)).put("catalog", p.get("catalog", null)).put("schema", p.get("schema", schema))
                    .put("http_scheme", p.get("http_scheme", null)).put("threads", p.get("threads", 4));
            default -> throw new IllegalStateException("compute type not validated: " + c.type());
        }
        return d.map();
    }

    /** Property lookup that turns {secret_ref} values into dbt env_var expressions. */
    private record Props(Map<String, Object> values) {
        boolean has(String key) {
            return values.containsKey(key) && values.get(key) != null;
        }

        Object get(String key, Object dflt) {
            Object v = values.get(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Map<?, ?> m && m.get("secret_ref") instanceof String name) {
                return envVar(SecretVars.dbtSingle(new SecretRef(name)), NUMERIC.contains(key));
            }
            return v;
        }
    }
}
