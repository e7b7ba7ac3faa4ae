package dev.floe.gitops.compiler.render;

import dev.floe.gitops.compiler.model.CatalogProfile;
import dev.floe.gitops.compiler.model.StorageProfile;
import dev.floe.gitops.compiler.model.StringOrRef;
import dev.floe.gitops.compiler.resolve.CompiledArtifacts;
import java.util.Map;
import java.util.TreeMap;

/**
 * iceberg/.pyiceberg.yaml, block style only (PyIceberg reads it with strictyaml, so every value is a string).
 * No credential: PyIceberg takes it from PYICEBERG_CATALOG__&lt;NAME&gt;__CREDENTIAL.
 */
public final class PyIcebergRenderer {
    private PyIcebergRenderer() {
    }

    /** PyIceberg folds catalog names from the environment to lower case with '_' → '-'. */
    public static String catalogName(String profile) {
        return profile.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Map<String, Object> render(CompiledArtifacts a) {
        CatalogProfile c = a.catalog();
        StorageProfile s = a.storage();
        String type = switch (c.type()) {
            case "glue" -> "glue";
            case "hive" -> "hive";
            default -> "rest";
        };
        String delegation = switch (c.accessDelegation()) {
            case "vended-credentials" -> "vended-credentials";
            case "remote-signing" -> "remote-signing";
            default -> "";
        };
        Doc d = Doc.of().put("type", type)
                .put("uri", c.uri() instanceof StringOrRef.Literal l ? l.value() : null)
                .put("warehouse", c.warehouse())
                .put("scope", c.credentials().mode().equals("oauth2") ? c.credentials().scope() : null)
                .put("token-refresh-enabled", type.equals("rest") ? String.valueOf(c.tokenRefreshEnabled()) : null)
                .put("header.X-Iceberg-Access-Delegation", delegation);
        boolean customEndpoint = s.endpoint() instanceof StringOrRef.Ref
                || (s.endpoint() instanceof StringOrRef.Literal l && !l.value().isEmpty());
        if (customEndpoint) {
            d.put("s3.endpoint", s.endpoint() instanceof StringOrRef.Literal l ? l.value() : null)
                    .put("s3.region", s.region())
                    .put("s3.force-virtual-addressing", "false");
        }
        for (Map.Entry<String, String> p : new TreeMap<>(c.properties()).entrySet()) {
            if (!d.map().containsKey(p.getKey())) {
                d.put(p.getKey(), p.getValue());
            }
        }
        return Doc.of().put("catalog", Doc.of().put(catalogName(c.name()), d.map()).map()).map();
    }
}
