package dev.floe.gitops.compiler.model;

import static dev.floe.gitops.compiler.model.Nodes.*;

import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YNode.YMap;
import dev.floe.gitops.compiler.yaml.YNode.YScalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Binds a schema-checked platform.yaml tree to records, applying floe-runtime's defaults. */
public final class PlatformBinder {
    private PlatformBinder() {
    }

    public static PlatformSpec bind(YNode root) {
        Map<String, StorageProfile> storage = new LinkedHashMap<>();
        for (YMap.Entry e : entries(root, "storage")) {
            YNode n = e.value();
            storage.put(e.key().value(), new StorageProfile(e.key().value(), str(n, "type", "s3"), stringOrRef(n, "endpoint"),
                    str(n, "region", "us-east-1"), str(n, "bucket", null), bool(n, "path_style_access", false), credentials(n)));
        }
        Map<String, CatalogProfile> catalogs = new LinkedHashMap<>();
        for (YMap.Entry e : entries(root, "catalogs")) {
            YNode n = e.value();
            catalogs.put(e.key().value(), new CatalogProfile(e.key().value(), str(n, "type", "polaris"), stringOrRef(n, "uri"),
                    str(n, "warehouse", null), str(n, "namespace", "default"), credentials(n),
                    str(n, "access_delegation", "none"), bool(n, "token_refresh_enabled", true), stringMap(n, "properties")));
        }
        Map<String, ComputeProfile> compute = new LinkedHashMap<>();
        for (YMap.Entry e : entries(root, "compute")) {
            YNode n = e.value();
            compute.put(e.key().value(), new ComputeProfile(e.key().value(), str(n, "type", "duckdb"), plainMap(n, "properties"),
                    credentials(n)));
        }
        Map<String, LayerConfig> layers = new LinkedHashMap<>();
        for (YMap.Entry e : entries(root, "layers")) {
            YNode n = e.value();
            layers.put(e.key().value(), new LayerConfig(e.key().value(), str(n, "name", e.key().value()), str(n, "description", ""),
                    str(n, "storage_ref", null), str(n, "catalog_ref", "default"), str(n, "namespace", null),
                    integer(n, "retention_days"), stringMap(n, "properties")));
        }
        return new PlatformSpec(str(root, "version", "1.2.0"), unmodifiable(storage), unmodifiable(catalogs),
                unmodifiable(compute), observability(root), unmodifiable(layers), SectionBinder.infrastructure(root),
                SectionBinder.security(root), secretBackends(root), SectionBinder.governance(root));
    }

    static ObservabilityConfig observability(YNode root) {
        YNode n = at(root, "observability").orElse(new YMap(java.util.List.of(), 1, 1));
        return new ObservabilityConfig(bool(n, "traces", true), bool(n, "metrics", true), bool(n, "lineage", true),
                str(n, "otlp_endpoint", null), str(n, "lineage_endpoint", null), stringMap(n, "attributes"),
                SectionBinder.observability(root));
    }

    static SecretBackends secretBackends(YNode root) {
        Optional<YNode> b = at(root, "security", "secret_backends");
        if (b.isEmpty()) {
            return SecretBackends.KUBERNETES;
        }
        YNode n = b.get();
        Optional<YNode> store = at(n, "external_secrets", "store");
        return new SecretBackends(str(n, "primary", "kubernetes"),
                store.map(s -> str(s, "name", null)).orElse(null), store.map(s -> str(s, "kind", null)).orElse(null),
                at(n, "vault").map(v -> str(v, "secret_path", "secret/data/floe")).orElse("secret/data/floe"),
                at(n, "aws_secrets_manager").map(v -> str(v, "prefix", "floe/")).orElse("floe/"));
    }

    static Credentials credentials(YNode profile) {
        Optional<YNode> c = at(profile, "credentials");
        if (c.isEmpty()) {
            return Credentials.STATIC;
        }
        YNode n = c.get();
        SecretRef secret = at(n, "client_secret").flatMap(PlatformBinder::ref).orElse(null);
        return new Credentials(str(n, "mode", "static"), stringOrRef(n, "client_id"), secret, str(n, "scope", null),
                str(n, "role_arn", null), str(n, "secret_ref", null));
    }

    static StringOrRef stringOrRef(YNode node, String key) {
        Optional<YNode> v = at(node, key);
        if (v.isEmpty()) {
            return null;
        }
        if (v.get() instanceof YScalar s) {
            return new StringOrRef.Literal(s.value());
        }
        return ref(v.get()).<StringOrRef>map(StringOrRef.Ref::new).orElse(null);
    }

    /** Reads {@code {secret_ref: name}}. */
    public static Optional<SecretRef> ref(YNode node) {
        return at(node, "secret_ref").filter(n -> n instanceof YScalar).map(n -> new SecretRef(((YScalar) n).value()));
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> m) {
        return Collections.unmodifiableMap(m);
    }
}
