package dev.floe.gitops.compiler.resolve;

import dev.floe.gitops.compiler.model.CatalogProfile;
import dev.floe.gitops.compiler.model.ComputeProfile;
import dev.floe.gitops.compiler.model.Credentials;
import dev.floe.gitops.compiler.model.Nodes;
import dev.floe.gitops.compiler.model.SecretRef;
import dev.floe.gitops.compiler.model.StorageProfile;
import dev.floe.gitops.compiler.model.StringOrRef;
import dev.floe.gitops.compiler.render.KubeNames;
import dev.floe.gitops.compiler.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds FORMATS.md's "Runtime binding" table for the resolved profiles: which Secret and key each variable comes
 * from, which variables are composed from others, which files are mounted, and the IRSA role.
 */
final class RuntimeBinding {
    private final PlatformResolver.Input in;
    private final Map<String, CompiledArtifacts.EnvFromSecret> env = new LinkedHashMap<>();
    private final Map<String, CompiledArtifacts.DependentEnv> dependent = new LinkedHashMap<>();
    private final List<CompiledArtifacts.FileMount> mounts = new ArrayList<>();
    private final Map<String, Use> uses = new TreeMap<>();
    private String roleArn;
    private String roleSource;

    private record Use(TreeSet<String> keys, TreeSet<String> variables, TreeSet<String> usedBy) {
    }

    RuntimeBinding(PlatformResolver.Input in) {
        this.in = in;
    }

    void storage(StorageProfile s, CatalogProfile catalog) {
        String where = "storage." + s.name();
        if (s.endpoint() instanceof StringOrRef.Ref r) {
            single(r.ref(), where + ".endpoint", false);
            dependent(SecretVars.pyicebergCatalog(catalog.name()) + "__S3__ENDPOINT", "$(" + SecretVars.single(r.ref()) + ")");
        }
        Credentials c = s.credentials();
        if (c.mode().equals("static") && c.secretRef() != null) {
            fromSecret(c.secretRef(), "access_key_id", "AWS_ACCESS_KEY_ID", where + ".credentials");
            fromSecret(c.secretRef(), "secret_access_key", "AWS_SECRET_ACCESS_KEY", where + ".credentials");
        }
        role(c, where);
    }

    void catalog(CatalogProfile c) {
        String where = "catalogs." + c.name();
        String prefix = SecretVars.pyicebergCatalog(c.name());
        if (c.uri() instanceof StringOrRef.Ref r) {
            single(r.ref(), where + ".uri", false);
            dependent(prefix + "__URI", "$(" + SecretVars.single(r.ref()) + ")");
        }
        Credentials cr = c.credentials();
        if (cr.mode().equals("oauth2") && cr.clientSecret() != null) {
            String id;
            if (cr.clientId() instanceof StringOrRef.Ref r) {
                single(r.ref(), where + ".credentials.client_id", false);
                id = "$(" + SecretVars.single(r.ref()) + ")";
            } else {
                id = cr.clientId() == null ? "" : ((StringOrRef.Literal) cr.clientId()).value();
            }
            single(cr.clientSecret(), where + ".credentials.client_secret", false);
            dependent(prefix + "__CREDENTIAL", id + ":$(" + SecretVars.single(cr.clientSecret()) + ")");
        } else if (cr.mode().equals("static") && cr.secretRef() != null) {
            fromSecret(cr.secretRef(), "credential", prefix + "__CREDENTIAL", where + ".credentials");
        }
        role(cr, where);
    }

    void compute(ComputeProfile c) {
        String where = "compute." + c.name();
        for (Map.Entry<String, Object> p : c.properties().entrySet()) {
            if (p.getValue() instanceof Map<?, ?> m && m.get("secret_ref") instanceof String name) {
                single(new SecretRef(name), where + ".properties." + p.getKey(), true);
            }
        }
        Credentials cr = c.credentials();
        if (cr.mode().equals("static") && cr.secretRef() != null) {
            String name = cr.secretRef();
            switch (c.type()) {
                case "databricks" -> fromSecret(name, "token", SecretVars.compute(name, "TOKEN"), where + ".credentials");
                case "bigquery" -> {
                    use(name, "keyfile.json", null, where + ".credentials");
                    mounts.add(new CompiledArtifacts.FileMount(KubeNames.fold(name), "keyfile.json",
                            SecretVars.KEYFILE_DIR + name));
                }
                case "duckdb" -> {
                }
                default -> {
                    fromSecret(name, "username", SecretVars.compute(name, "USERNAME"), where + ".credentials");
                    fromSecret(name, "password", SecretVars.compute(name, "PASSWORD"), where + ".credentials");
                }
            }
        }
        role(cr, where);
    }

    private void role(Credentials c, String where) {
        if (!c.mode().equals("iam_role") || c.roleArn() == null) {
            return;
        }
        if (roleArn == null) {
            roleArn = c.roleArn();
            roleSource = where;
        } else if (!roleArn.equals(c.roleArn())) {
            YNode at = Nodes.at(in.platformRoot(), where.split("\\.")[0], where.split("\\.", 2)[1], "credentials", "role_arn")
                    .orElse(in.platformRoot());
            in.platformProblems().at(at, where + ".credentials.role_arn", "the pipeline's profiles need two IAM roles ("
                    + roleSource + " and " + where + "), but one ServiceAccount carries one role", "use the same role_arn");
        }
    }

    private void single(SecretRef ref, String usedBy, boolean dbt) {
        fromSecret(ref.name(), "value", SecretVars.single(ref), usedBy);
        if (dbt) {
            fromSecret(ref.name(), "value", SecretVars.dbtSingle(ref), usedBy);
        }
    }

    private void fromSecret(String secretName, String key, String variable, String usedBy) {
        String secret = KubeNames.fold(secretName);
        CompiledArtifacts.EnvFromSecret e = new CompiledArtifacts.EnvFromSecret(variable, secret, key);
        CompiledArtifacts.EnvFromSecret prior = env.putIfAbsent(variable, e);
        if (prior != null && !prior.equals(e)) {
            in.platformProblems().at(in.platformRoot(), usedBy, "variable " + variable + " would come from two Secrets ("
                    + prior.secret() + "/" + prior.key() + " and " + secret + "/" + key + ")", "use one secret reference");
        }
        use(secretName, key, variable, usedBy);
    }

    private void use(String secretName, String key, String variable, String usedBy) {
        Use u = uses.computeIfAbsent(secretName, n -> new Use(new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
        u.keys().add(key);
        if (variable != null) {
            u.variables().add(variable);
        }
        u.usedBy().add(usedBy);
    }

    private void dependent(String name, String value) {
        dependent.put(name, new CompiledArtifacts.DependentEnv(name, value));
    }

    List<CompiledArtifacts.SecretUse> secretUses() {
        List<CompiledArtifacts.SecretUse> out = new ArrayList<>();
        uses.forEach((name, u) -> out.add(new CompiledArtifacts.SecretUse(name, KubeNames.fold(name), List.copyOf(u.keys()),
                List.copyOf(u.variables()), List.copyOf(u.usedBy()))));
        return List.copyOf(out);
    }

    CompiledArtifacts.RuntimeBinding build() {
        return new CompiledArtifacts.RuntimeBinding(List.copyOf(env.values()), List.copyOf(dependent.values()),
                List.copyOf(mounts), roleArn);
    }
}
