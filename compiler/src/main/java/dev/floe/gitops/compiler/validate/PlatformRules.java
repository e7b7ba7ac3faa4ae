package dev.floe.gitops.compiler.validate;

import dev.floe.gitops.compiler.model.Nodes;
import dev.floe.gitops.compiler.model.SecretRef;
import dev.floe.gitops.compiler.render.KubeNames;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YNode.YMap;
import dev.floe.gitops.compiler.yaml.YNode.YScalar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Cross-field rules of platform.yaml that a per-key schema cannot express. */
public final class PlatformRules {
    /** Property keys that hold credentials: their values must be secret references. */
    static final Pattern CREDENTIAL_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|private_key|access_key|credential|api_key).*");

    static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s:]+:[^/@\\s]+@");

    private PlatformRules() {
    }

    public static void check(YNode root, Problems.FileProblems out) {
        layers(root, out);
        for (String section : List.of("storage", "catalogs", "compute")) {
            for (YMap.Entry e : Nodes.entries(root, section)) {
                credentials(section, e.key().value(), e.value(), out);
            }
        }
        for (String section : List.of("catalogs", "compute")) {
            for (YMap.Entry e : Nodes.entries(root, section)) {
                for (YMap.Entry p : Nodes.entries(e.value(), "properties")) {
                    if (CREDENTIAL_KEY.matcher(p.key().value()).matches() && p.value() instanceof YScalar s && !Nodes.isNull(s)) {
                        out.at(p.value(), section + "." + e.key().value() + ".properties." + p.key().value(),
                                section + "." + e.key().value() + ".properties." + p.key().value()
                                        + " must be a secret reference {secret_ref: <name>}, not a literal (" + s.value().length()
                                        + " chars, value hidden)", "store the value in the secret backend and write {secret_ref: <name>}");
                    }
                }
            }
        }
        security(root, out);
        urlCredentials(root, "", out);
        Nodes.at(root, "observability", "compute_logs", "storage_ref").ifPresent(ref -> {
            List<String> storage = Nodes.entries(root, "storage").stream().map(e -> e.key().value()).toList();
            if (ref instanceof YScalar s && !storage.contains(s.value())) {
                out.at(ref, "observability.compute_logs.storage_ref", "compute_logs references non-existent storage profile '"
                        + s.value() + "'; available: " + (storage.isEmpty() ? "none" : String.join(", ", storage)),
                        DidYouMean.hint(s.value(), storage).orElse(null));
            }
        });
        secretNames(root, "", out, new HashMap<>(), new HashMap<>());
    }

    private static void layers(YNode root, Problems.FileProblems out) {
        List<String> storage = Nodes.entries(root, "storage").stream().map(e -> e.key().value()).toList();
        List<String> catalogs = Nodes.entries(root, "catalogs").stream().map(e -> e.key().value()).toList();
        for (YMap.Entry e : Nodes.entries(root, "layers")) {
            String path = "layers." + e.key().value();
            ref(e.value(), "storage_ref", null, path, "storage", storage, out);
            ref(e.value(), "catalog_ref", "default", path, "catalog", catalogs, out);
            Nodes.at(e.value(), "name").ifPresent(n -> {
                if (n instanceof YScalar s && !s.value().equals(e.key().value())) {
                    out.at(n, path + ".name", "layer name '" + s.value() + "' differs from its key '" + e.key().value() + "'",
                            "write name: " + e.key().value());
                }
            });
        }
    }

    /** A user:password in a URL is a literal credential, whatever key holds it. */
    private static void urlCredentials(YNode node, String path, Problems.FileProblems out) {
        if (node instanceof YMap map) {
            for (YMap.Entry e : map.entries()) {
                urlCredentials(e.value(), Checker.child(path, e.key().value()), out);
            }
        } else if (node instanceof YNode.YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                urlCredentials(seq.items().get(i), path + "[" + i + "]", out);
            }
        } else if (node instanceof YScalar s && URL_WITH_PASSWORD.matcher(s.value()).find()) {
            out.at(s, path, path + " holds a URL with a password in it (value hidden)",
                    "remove the user:password part; credentials come from {secret_ref: <name>}");
        }
    }

    private static void ref(YNode layer, String key, String dflt, String path, String kind, List<String> known,
                            Problems.FileProblems out) {
        Optional<YNode> v = Nodes.at(layer, key);
        String name = v.filter(n -> n instanceof YScalar).map(n -> ((YScalar) n).value()).orElse(dflt);
        if (name == null || known.contains(name)) {
            return;
        }
        YNode at = v.orElse(layer);
        out.at(at, path + "." + key, "layer '" + path.substring(7) + "' references non-existent " + kind + " profile '" + name
                        + "'; available: " + (known.isEmpty() ? "none" : String.join(", ", known)),
                DidYouMean.hint(name, known).orElse(null));
    }

    private static void credentials(String section, String name, YNode profile, Problems.FileProblems out) {
        Optional<YNode> c = Nodes.at(profile, "credentials");
        if (c.isEmpty() || !(c.get() instanceof YMap creds)) {
            return;
        }
        String path = section + "." + name + ".credentials";
        String mode = Nodes.str(creds, "mode", "static");
        switch (mode) {
            case "oauth2" -> {
                for (String k : List.of("client_id", "client_secret")) {
                    if (Nodes.at(creds, k).isEmpty()) {
                        out.at(creds, path, "OAuth2 mode requires " + k + " in " + path,
                                "add " + k + ": {secret_ref: <name>}");
                    }
                }
            }
            case "iam_role" -> {
                if (Nodes.at(creds, "role_arn").isEmpty()) {
                    out.at(creds, path, "IAM role mode requires role_arn in " + path, "add role_arn: arn:aws:iam::<account>:role/<name>");
                }
            }
            case "vended_credentials" -> {
                if (!section.equals("storage")) {
                    out.at(Nodes.at(creds, "mode").orElse(creds), path + ".mode",
                            "credentials mode vended_credentials is valid only on a storage profile, not in " + section + "." + name,
                            "on a catalog, set access_delegation: vended-credentials instead");
                }
            }
            default -> {
            }
        }
    }

    private static void security(YNode root, Problems.FileProblems out) {
        Nodes.at(root, "security", "authentication").ifPresent(a -> {
            if (Nodes.bool(a, "enabled", false) && Nodes.str(a, "method", "static").equals("oidc") && Nodes.at(a, "oidc").isEmpty()) {
                out.at(a, "security.authentication", "authentication with method oidc requires an oidc block", null);
            }
        });
        Nodes.at(root, "security", "secret_backends").ifPresent(b -> {
            Nodes.at(b, "vault").ifPresent(v -> {
                if (Nodes.bool(v, "enabled", false)) {
                    if (Nodes.at(v, "server_url").isEmpty()) {
                        out.at(v, "security.secret_backends.vault", "an enabled vault backend requires server_url", null);
                    }
                    if (Nodes.str(v, "auth_method", "kubernetes").equals("kubernetes") && Nodes.at(v, "kubernetes_role").isEmpty()) {
                        out.at(v, "security.secret_backends.vault", "vault auth_method kubernetes requires kubernetes_role", null);
                    }
                }
            });
            String primary = Nodes.str(b, "primary", "kubernetes");
            if ((primary.equals("vault") || primary.equals("aws_secrets_manager")) && Nodes.at(b, "external_secrets", "store").isEmpty()) {
                out.at(Nodes.at(b, "primary").orElse(b), "security.secret_backends.primary",
                        "primary backend " + primary + " needs security.secret_backends.external_secrets.store",
                        "add external_secrets: {store: {name: <store>, kind: ClusterSecretStore}}");
            }
        });
        Nodes.at(root, "infrastructure", "cloud").ifPresent(cloud -> {
            if (Nodes.str(cloud, "provider", "local").equals("aws") && Nodes.at(cloud, "region").isEmpty()) {
                out.at(cloud, "infrastructure.cloud", "cloud provider aws requires region", null);
            }
        });
    }

    /** Two different references must not become the same variable or fold to the same Kubernetes Secret name. */
    private static void secretNames(YNode node, String path, Problems.FileProblems out, Map<String, String> byVar,
                                    Map<String, String> byFolded) {
        if (node instanceof YMap map) {
            for (YMap.Entry e : map.entries()) {
                String child = Checker.child(path, e.key().value());
                if (e.key().value().equals("secret_ref") && e.value() instanceof YScalar s && !Nodes.isNull(s)
                        && Shapes.SECRET_NAME.matcher(s.value()).matches()) {
                    String name = s.value();
                    if (!Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
                        out.at(s, child, "secret reference '" + name + "' must end with a letter or digit: it names a Kubernetes Secret",
                                "drop the trailing '" + name.charAt(name.length() - 1) + "'");
                    }
                    String var = new SecretRef(name).envVar();
                    String folded = KubeNames.fold(name);
                    String firstByVar = byVar.putIfAbsent(var, name);
                    String firstByFold = byFolded.putIfAbsent(folded, name);
                    boolean varClash = firstByVar != null && !firstByVar.equals(name);
                    boolean foldClash = firstByFold != null && !firstByFold.equals(name);
                    if (varClash && foldClash && firstByVar.equals(firstByFold)) {
                        out.at(s, child, "secret references '" + firstByVar + "' and '" + name + "' both become the variable "
                                + var + " and the Kubernetes Secret '" + folded + "'", "rename one of them");
                    } else {
                        if (varClash) {
                            out.at(s, child, "secret references '" + firstByVar + "' and '" + name
                                    + "' both become the variable " + var, "rename one of them");
                        }
                        if (foldClash) {
                            out.at(s, child, "secret references '" + firstByFold + "' and '" + name
                                    + "' fold to the same Kubernetes name '" + folded + "'", "rename one of them");
                        }
                    }
                } else {
                    secretNames(e.value(), child, out, byVar, byFolded);
                }
            }
        } else if (node instanceof YNode.YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                secretNames(seq.items().get(i), path + "[" + i + "]", out, byVar, byFolded);
            }
        }
    }
}
