package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stand-in for the policy engine's rules until it is wired: secret-named keys holding a literal
 * value, and credentials inside URLs ({@code scheme://user:pass@host}).
 */
public final class BuiltinConfigScanner implements ConfigScanner {

    public static final String SECRET_NAMED_KEY = "secret-named-key";
    public static final String URL_CREDENTIALS = "url-credentials";

    /** The last word of a camelCase / snake_case key that marks it as holding a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token", "credential", "credentials", "passphrase");
    /** "key" alone is too common (a map key, a sort key); only these qualifiers make it a secret. */
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "access", "client", "secret", "signing", "encryption");
    private static final Set<String> PLACEHOLDERS = Set.of("changeit", "changeme", "redacted", "xxx", "none", "null", "<password>", "<secret>", "<token>");

    // Bounded character classes, no nested quantifiers: linear-time on the JDK engine.
    private static final Pattern URL_USERINFO = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]{0,30}://[^/\\s:@]{1,256}:([^/\\s@]{1,256})@");

    @Override
    public List<ConfigFinding> scan(ConfigNode tree) {
        List<ConfigFinding> out = new ArrayList<>();
        walk(tree, ConfigPath.ROOT, out);
        return out;
    }

    private void walk(ConfigNode node, ConfigPath path, List<ConfigFinding> out) {
        if (node instanceof ConfigNode.Mapping m) {
            m.entries().forEach((k, v) -> {
                if (!k.equals("secret_ref")) walk(v, path.key(k), out);
            });
        } else if (node instanceof ConfigNode.Sequence s) {
            for (int i = 0; i < s.items().size(); i++) walk(s.items().get(i), path.index(i), out);
        } else if (node instanceof ConfigNode.Scalar s && s.kind() == ConfigNode.Kind.STRING) {
            String value = s.value();
            if (isSecretNamed(path.lastKey()) && isLiteral(value)) {
                out.add(new ConfigFinding(SECRET_NAMED_KEY, path.toString(), ConfigScanner.mask(value), s.origin()));
                return;
            }
            Matcher m = URL_USERINFO.matcher(value);
            while (m.find()) {
                if (isLiteral(m.group(1))) {
                    out.add(new ConfigFinding(URL_CREDENTIALS, path.toString(), ConfigScanner.mask(m.group(1)), s.origin()));
                    break;
                }
            }
        }
    }

    static boolean isSecretNamed(String key) {
        List<String> words = words(key);
        if (words.isEmpty()) return false;
        String last = words.get(words.size() - 1);
        if (SECRET_WORDS.contains(last)) return true;
        return last.equals("key") && words.size() > 1 && KEY_QUALIFIERS.contains(words.get(words.size() - 2))
                || last.equals("apikey");
    }

    /** Not empty, not a placeholder, not a reference to somewhere else. */
    static boolean isLiteral(String value) {
        String v = value.trim();
        if (v.isEmpty() || PLACEHOLDERS.contains(v.toLowerCase(Locale.ROOT))) return false;
        if (v.startsWith("${") && v.endsWith("}") || v.startsWith("$(") && v.endsWith(")")) return false;
        return !(v.startsWith("{{") && v.endsWith("}}"));
    }

    private static List<String> words(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean boundary = c == '_' || c == '-' || c == '.';
            if (boundary || Character.isUpperCase(c) && word.length() > 0 && !Character.isUpperCase(key.charAt(i - 1))) {
                if (word.length() > 0) out.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (!boundary) word.append(c);
        }
        if (word.length() > 0) out.add(word.toString().toLowerCase(Locale.ROOT));
        return out;
    }
}
