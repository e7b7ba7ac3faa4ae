package dev.floe.gitops.compiler.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Kubernetes name folding (FORMATS.md): lower case, '_' → '-', at most 63 characters (54 + '-' + 8 hex of sha256). */
public final class KubeNames {
    public static final int MAX = 63;

    private KubeNames() {
    }

    public static String fold(String name) {
        String f = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (f.length() <= MAX) {
            return f;
        }
        return f.substring(0, 54) + "-" + sha256Hex(name.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
