package dev.floe.gitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a key name says "this holds a secret". The name is split into words (any case,
 * any separator: {@code DB_PASSWORD}, {@code dbPassword}, {@code db.password}, {@code x-api-key});
 * it names a secret when its last word is a secret noun. A qualifier after the noun makes it
 * something else ({@code password_min_length}, {@code tokenTTL}, {@code SECRET_NAME},
 * {@code DB_PASSWORD_FILE}), and so does a leading word that makes it a reference to a secret held
 * elsewhere ({@code existingSecret}).
 */
final class KeyNames {

  /** What a key says about its value. */
  enum Kind {
    /** Not a secret name. */
    NONE,
    /** A password: short real passwords are common, so plain words count. */
    PASSWORD,
    /** A token, key or secret named specifically ({@code secretKey}, {@code api_token}): any literal counts. */
    SECRET,
    /** A bare {@code secret}, {@code token}, {@code auth} or {@code credentials}: plain lowercase words there are names or modes. */
    SECRET_AMBIGUOUS,
    /** An HTTP authorization header: the value starts with a scheme word. */
    AUTHORIZATION
  }

  private static final Set<String> PASSWORD_NOUNS = Set.of(
      "password", "passwd", "passwort", "pwd", "pass", "passphrase", "passcode", "requirepass", "masterauth",
      "passwords", "dbpass", "rootpass", "mysqlpass");
  private static final Set<String> SECRET_NOUNS = Set.of(
      "secret", "secrets", "token", "tokens", "apikey", "apitoken", "credential", "credentials", "creds", "privatekey",
      "secretkey", "accesskey", "authtoken", "auth", "bearer", "sastoken", "pat", "clientsecret", "apisecret",
      "cookiesecret", "sessionsecret", "jwtsecret", "signingkey", "encryptionkey", "masterkey", "licensekey", "authkey",
      "accountkey", "sharedkey", "hmackey", "webhooksecret");
  private static final Set<String> AMBIGUOUS_NOUNS = Set.of("secret", "secrets", "token", "tokens", "credential", "credentials", "creds", "auth");
  private static final Set<String> AUTH_HEADER_NOUNS = Set.of("authorization", "proxyauthorization");
  /** Words that, before {@code key}, make it a secret ({@code api_key}, {@code private key}). */
  private static final Set<String> KEY_QUALIFIERS = Set.of(
      "api", "access", "secret", "private", "signing", "sign", "encryption", "encrypt", "crypto", "master", "account",
      "client", "license", "licence", "session", "shared", "storage", "app", "application", "auth", "service",
      "webhook", "hmac", "jwt", "admin", "deploy", "ssh", "gpg", "pgp", "root", "consumer", "subscription", "ingest",
      "write", "read", "server", "user", "partner", "merchant", "live", "test", "sas", "primary", "secondary", "machine",
      "agent", "cookie", "cipher", "aes", "rsa", "ec", "tls", "cert", "x509", "ed25519", "rpc", "sendgrid", "stripe",
      "mailgun", "twilio", "openai", "anthropic", "datadog", "dd", "newrelic", "sentry", "slack", "github", "gitlab",
      "aws", "gcp", "azure", "google", "firebase", "algolia", "mapbox", "pusher", "segment", "mixpanel", "amplitude",
      "rails", "django", "flask", "laravel", "nextauth", "encryptionkey", "decryption", "seal", "unseal", "recovery",
      "backup", "otp", "totp", "mfa");
  /** Words after a secret noun that keep it a secret: the value is still the secret itself. */
  private static final Set<String> TRANSPARENT_SUFFIXES = Set.of("value", "data", "b64", "base64", "raw", "plaintext", "hash", "hashed", "literal", "str", "txt", "pem", "dat");
  /** Words before a secret noun that make the key point at a secret instead of holding one. */
  private static final Set<String> REFERENCE_PREFIXES = Set.of(
      "existing", "use", "create", "generate", "generated", "enable", "enabled", "require", "required", "external",
      "auto", "from", "mount", "mounted", "projected", "automount", "rotate", "skip", "insecure", "no", "disable",
      "random", "inject");

  /** Words before a secret noun that make the value derived from the secret (a checksum annotation). */
  private static final Set<String> DERIVED_PREFIXES = Set.of("checksum", "digest", "fingerprint", "sha256", "sha1", "md5", "etag", "version");

  private KeyNames() {}

  static Kind classify(String key) {
    if (key == null || key.isEmpty() || key.length() > 200) {
      return Kind.NONE;
    }
    List<String> words = words(key);
    int n = words.size();
    // Drop transparent suffixes: dbPasswordValue still holds the password.
    while (n > 1 && (TRANSPARENT_SUFFIXES.contains(words.get(n - 1)) || n > 2 && words.get(n - 1).equals("base") && words.get(n - 2).equals("key"))) {
      n--; // secret_key_base (Rails) is the key itself
    }
    if (n == 0) {
      return Kind.NONE;
    }
    String last = words.get(n - 1);
    String prev = n >= 2 ? words.get(n - 2) : "";
    for (int i = 0; i < n - 1; i++) {
      // existingSecret, agent-inject-secret-x, checksum/secret: about a secret, not holding one
      if (REFERENCE_PREFIXES.contains(words.get(i)) || DERIVED_PREFIXES.contains(words.get(i))) {
        return Kind.NONE;
      }
    }
    if (AUTH_HEADER_NOUNS.contains(last)) {
      return Kind.AUTHORIZATION;
    }
    if (PASSWORD_NOUNS.contains(last)) {
      return Kind.PASSWORD;
    }
    if (SECRET_NOUNS.contains(last)) {
      return n == 1 && AMBIGUOUS_NOUNS.contains(last) ? Kind.SECRET_AMBIGUOUS : Kind.SECRET;
    }
    if (last.equals("key") || last.equals("keys")) {
      if (KEY_QUALIFIERS.contains(prev)) {
        return Kind.SECRET;
      }
      // _authToken style keys in .npmrc are one word after splitting on ':'; "authkey" handled above.
      return Kind.NONE;
    }
    if (last.equals("token") || last.endsWith("token") && last.length() <= 16 && (last.startsWith("auth") || last.startsWith("access") || last.startsWith("refresh") || last.startsWith("id") || last.startsWith("bearer") || last.startsWith("api") || last.startsWith("session"))) {
      return Kind.SECRET;
    }
    if ((last.endsWith("password") || last.endsWith("passwd")) && last.length() <= 24) {
      return Kind.PASSWORD;
    }
    if (last.endsWith("secret") && last.length() <= 20 && !last.equals("nosecret")) {
      return Kind.SECRET;
    }
    return Kind.NONE;
  }

  /** Splits on separators and camel-case humps, lower-cased: {@code dbPasswordURL} → db, password, url. */
  static List<String> words(String key) {
    List<String> out = new ArrayList<>(4);
    StringBuilder cur = new StringBuilder();
    int len = key.length();
    for (int i = 0; i < len; i++) {
      char c = key.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(out, cur);
        continue;
      }
      if (Character.isUpperCase(c) && cur.length() > 0) {
        char p = key.charAt(i - 1);
        boolean nextLower = i + 1 < len && Character.isLowerCase(key.charAt(i + 1));
        if (Character.isLowerCase(p) || Character.isDigit(p) || (Character.isUpperCase(p) && nextLower)) {
          flush(out, cur);
        }
      }
      cur.append(Character.toLowerCase(c));
    }
    flush(out, cur);
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }
}
