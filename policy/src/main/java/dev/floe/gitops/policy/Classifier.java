package dev.floe.gitops.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a value under a secret-named key is a literal secret, or one of the many things
 * that legitimately sit there: references ({@code ${VAR}}, {@code $(VAR)}, {@code {{ env_var('X') }}},
 * {@code $secret:key}), placeholders, file paths, secret names, booleans, numbers, URLs without
 * credentials, public certificates and keys, SOPS ciphertext. A value that merely looks like a hash
 * is still a literal: a hash under {@code password} is a password.
 */
final class Classifier {

  /** How strict the literal test is, by what the key said. */
  enum KeyKind {
    /** password-like keys: any non-trivial word is a finding. */
    PASSWORD,
    /** specific token/secret/key names: any literal that is not a name, mode or placeholder. */
    SECRET,
    /** bare secret/token/auth/credentials keys: plain lowercase words are modes or names there. */
    SECRET_AMBIGUOUS,
    /** values already matched by a token pattern: only references and placeholders are excused. */
    STRICT
  }

  private static final Set<String> PLACEHOLDERS = Set.of(
      "changeit", "changeme", "change_me", "change-me", "change-this", "change_this", "changethis", "redacted", "removed",
      "hidden", "masked", "password", "passwd", "secret", "token", "apikey", "api_key", "none", "null", "nil", "undefined",
      "todo", "tbd", "tbc", "fixme", "placeholder", "example", "sample", "dummy", "default", "test", "testing", "fake",
      "n/a", "na", "empty", "unset", "notset", "not-set", "not_set", "replaceme", "replace_me", "replace-me", "replace",
      "yourpassword", "your_password", "your-password", "mypassword", "my-password",
      "xxx", "foo", "bar", "foobar", "baz", "value", "string", "required", "optional", "provided", "override", "set-me",
      "setme", "set_me", "insert", "enter", "omitted", "elided", "sensitive", "secure", "private", "pending", "unknown",
      "nopass", "nopassword", "no-password", "anonymous", "guest", "public", "generated", "auto", "random", "inherit");
  /** Lowercase words that are modes, schemes or types when they sit under token/secret/auth keys. */
  private static final Set<String> CONFIG_WORDS = Set.of(
      "static", "oauth", "oauth2", "oidc", "basic", "bearer", "digest", "kerberos", "ntlm", "ldap", "saml", "jwt",
      "iam", "iam_role", "service_account", "serviceaccount", "vended_credentials", "env", "environment", "file", "files",
      "vault", "kubernetes", "k8s", "aws", "gcp", "azure", "internal", "external", "local", "remote", "enabled", "disabled",
      "true", "false", "yes", "no", "on", "off", "always", "never", "ifnotpresent", "md5", "scram-sha-256", "trust",
      "reject", "peer", "ident", "password", "plain", "plaintext", "tls", "mtls", "ssl", "none", "anonymous", "token",
      "client_credentials", "authorization_code", "implicit", "refresh_token", "api_key", "apikey", "header", "query",
      "cookie", "session", "hmac", "rsa", "ecdsa", "ed25519", "sha256", "sha512", "aes", "gcm", "cbc", "kms", "secret");

  private static final com.google.re2j.Pattern HCL_REFERENCE =
      com.google.re2j.Pattern.compile("(?:var|local|module|data|each)\\.[A-Za-z_][A-Za-z0-9_\\-]*(?:[.\\[][A-Za-z0-9_\\-\"\\]\\[.]*)?");

  boolean isLiteralSecret(String raw, KeyKind kind) {
    if (raw == null) {
      return false;
    }
    String v = stripQuotes(raw.strip());
    if (v.isEmpty() || v.length() > 16384) {
      return false;
    }
    if (isReference(v)) {
      return false;
    }
    if (kind == KeyKind.STRICT) {
      // A value that already has a token's shape is judged by the shape: only obvious filler and
      // fill-in markers excuse it. Documentation examples (AKIA…EXAMPLE) are still key-shaped.
      return !isObviousPlaceholder(v);
    }
    if (isPlaceholder(v)) {
      return false;
    }
    int len = v.length();
    if (len < 6 && !(kind == KeyKind.PASSWORD && len >= 4 && hasLetterAndOther(v))) {
      return false; // very short values are flags and modes; short mixed ones (pa55) are passwords
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (isBooleanOrNumber(lower) || isPath(v) || isUrlWithoutCredentials(v) || isPublicMaterial(v)) {
      return false;
    }
    if (kind == KeyKind.PASSWORD ? isResourceName(v, true) && namesASecret(v) : isResourceName(v, false)) {
      return false; // under password keys only names like db-password are names: prom-operator is a password
    }
    if (isEnvVarName(v)) {
      return false;
    }
    if (countSpaces(v) >= 3) {
      return false; // prose: a description or a comment, not a credential
    }
    if (kind != KeyKind.PASSWORD && isLowerWord(v)) {
      // ExternalSecret secretKey: username, imagePullSecret: regcred: names, not values
      return false;
    }
    if (CONFIG_WORDS.contains(lower)) {
      return false;
    }
    // short values cannot reach 2 bits per character; scale the floor with the length
    return Entropy.bitsPerChar(v) >= Math.min(2.0, 0.75 * (Math.log(len) / Math.log(2)));
  }

  /** Anything that points at a secret held elsewhere, or a template that will produce one. */
  boolean isReference(String v) {
    if (v.contains("${") || v.contains("$(") || v.contains("{{") || v.contains("{%") || v.contains("<%=")
        || v.contains("%{") || v.contains("#{")) {
      return true;
    }
    if (v.length() > 1 && v.charAt(0) == '$') {
      char c = v.charAt(1);
      if (Character.isLetter(c) || c == '_' || c == '{' || c == '(') {
        return true; // $VAR, $secret:key
      }
    }
    if (isCodeExpression(v)) {
      return true; // scripts in ConfigMaps: os.getenv("X"), ngx.var.arg_token, process.env.TOKEN
    }
    if (HCL_REFERENCE.matcher(v).matches()) {
      return true; // Terraform: var.db_password, data.vault_generic_secret.db.data["password"]
    }
    if (v.startsWith("ENC[") && v.endsWith("]") || v.startsWith("ENC(") && v.endsWith(")") || v.startsWith("{cipher}")) {
      return true; // ciphertext: SOPS, Jasypt, Spring Cloud Config
    }
    String l = v.toLowerCase(Locale.ROOT);
    return l.startsWith("ref+") || l.startsWith("vault:") || l.startsWith("vault://") || l.startsWith("op://")
        || l.startsWith("akv://") || l.startsWith("sm://") || l.startsWith("gcpsm://") || l.startsWith("awssm://")
        || l.startsWith("doppler://") || l.startsWith("bws://") || l.startsWith("secret://") || l.startsWith("k8s://")
        || l.startsWith("arn:aws:secretsmanager:") || l.startsWith("arn:aws:ssm:") || l.startsWith("arn:aws:kms:")
        || l.startsWith("arn:aws:iam:") || l.startsWith("env:") || l.startsWith("file:") || l.startsWith("secretref:")
        || (l.startsWith("projects/") && l.contains("/secrets/")) || l.startsWith("azurekeyvault:")
        || l.startsWith("valuefrom:") || l.startsWith("secretkeyref:");
  }

  /**
   * Code rather than a value: a call ({@code get_token()}), an index ({@code os.environ['X']}) or a
   * dotted identifier path ({@code settings.DB_PASSWORD}). Scripts embedded in ConfigMaps are read
   * as key=value lines, and their right-hand sides are expressions.
   */
  static boolean isCodeExpression(String v) {
    if (v.length() > 512) {
      return false;
    }
    int open = v.indexOf('(');
    if (open > 0 && v.indexOf(')', open) > open && Character.isJavaIdentifierPart(v.charAt(open - 1))) {
      return true;
    }
    if (v.contains("['") || v.contains("[\"")) {
      return true;
    }
    // dotted identifier path: at least one dot, every segment an identifier
    int dots = 0;
    boolean segStart = true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.') {
        if (segStart) {
          return false;
        }
        dots++;
        segStart = true;
      } else if (segStart ? Character.isLetter(c) || c == '_' || c == '$' : Character.isLetterOrDigit(c) || c == '_') {
        segStart = false;
      } else {
        return false;
      }
    }
    if (dots == 0 || segStart) {
      return false;
    }
    // identifiers are words: lower, UPPER_SNAKE or camelCase with a few humps; a token's random
    // mixed-case segments (Discord's M…) are not
    return wordySegments(v.split("\\."));
  }

  boolean isPlaceholder(String v) {
    String l = v.toLowerCase(Locale.ROOT);
    if (PLACEHOLDERS.contains(l)) {
      return true;
    }
    int len = l.length();
    if ((l.charAt(0) == '<' && l.charAt(len - 1) == '>') || (l.charAt(0) == '[' && l.charAt(len - 1) == ']' && len > 2)) {
      return true; // <password>, [your token]
    }
    if (isFiller(l)) {
      return true; // xxxx, ****, ...., ----
    }
    if (len > 4 && (l.startsWith("@@") && l.endsWith("@@") || l.startsWith("__") && l.endsWith("__")
        || l.charAt(0) == '%' && l.charAt(len - 1) == '%' || l.startsWith("#{") && l.endsWith("}#")
        || l.charAt(0) == '$' && l.charAt(len - 1) == '$')) {
      return true; // token-replacement markers of release tools: @@PASSWORD@@, __TOKEN__, #{Secret}#
    }
    if (l.indexOf(' ') > 0 && l.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == ' ')) {
      return true; // prose: "not set", "see vault"
    }
    if (l.contains("example") || l.contains("placeholder") || l.contains("changeme") || l.contains("change-me")
        || l.contains("change_me") || l.contains("redacted") || l.contains("replace") || l.contains("dummy")
        || l.contains("xxxx") || l.contains("****") || l.contains("your-") || l.contains("your_") || l.startsWith("your")
        || l.endsWith("-here") || l.endsWith("_here") || l.contains(" here") || l.startsWith("insert") || l.startsWith("enter-")
        || l.startsWith("todo") || l.startsWith("fixme") || l.startsWith("not-a-") || l.startsWith("fake-")) {
      return true;
    }
    return false;
  }

  /** Filler and fill-in markers only: {@code xxxx}, {@code ****}, {@code <token>}, {@code your-token-here}. */
  boolean isObviousPlaceholder(String v) {
    String l = v.toLowerCase(Locale.ROOT);
    int len = l.length();
    return PLACEHOLDERS.contains(l) || isFiller(l) || l.charAt(0) == '<' && l.charAt(len - 1) == '>' || l.contains("xxxx")
        || l.contains("****") || l.contains("your-") || l.contains("your_") || l.endsWith("-here") || l.endsWith("_here")
        || l.contains("changeme") || l.contains("redacted") || l.contains("placeholder");
  }

  private static boolean hasLetterAndOther(String v) {
    boolean letter = false;
    boolean other = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (!Character.isWhitespace(c)) {
        other = true;
      }
    }
    return letter && other;
  }

  private static boolean isFiller(String l) {
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (c != 'x' && c != '*' && c != '.' && c != '-' && c != '_' && c != '#' && c != '?' && c != '•' && c != ' ' && c != '0') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBooleanOrNumber(String l) {
    switch (l) {
      case "true", "false", "yes", "no", "on", "off", "y", "n", "enabled", "disabled" -> {
        return true;
      }
      default -> { }
    }
    // numbers, durations (3600s, 1h), sizes (512Mi), versions (1.2.3)
    int i = 0;
    int n = l.length();
    if (i < n && (l.charAt(i) == '-' || l.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && (Character.isDigit(l.charAt(i)) || l.charAt(i) == '.' || l.charAt(i) == '_')) {
      if (Character.isDigit(l.charAt(i))) {
        digits++;
      }
      i++;
    }
    if (digits == 0) {
      return false;
    }
    String rest = l.substring(i);
    return rest.isEmpty() || Set.of("s", "ms", "m", "h", "d", "w", "y", "ki", "mi", "gi", "ti", "k", "kb", "mb", "gb", "tb", "g", "t", "e", "%", "us", "ns", "min", "sec", "days", "hours").contains(rest);
  }

  static boolean isPath(String v) {
    if (v.indexOf(' ') >= 0 || v.indexOf('\n') >= 0) {
      return false;
    }
    if (v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/") || v.startsWith("file://")
        || (v.length() > 2 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ':' && v.charAt(2) == '\\')) {
      // a path, unless it is base64 that happens to start with '/': paths have separators after the first character
      return v.indexOf('/', 1) > 0 || v.indexOf('\\', 3) > 0 || v.length() < 24 && !v.contains("+") && !v.contains("=");
    }
    // store paths (database/creds/orders, secret/data/app): two or more lower-case segments
    if (v.chars().filter(c -> c == '/').count() >= 2 && v.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '/' || c == '-' || c == '_' || c == '.')
        && wordySegments(v.split("/"))) {
      return true; // projects/p/locations/l/keyRings/r/cryptoKeys/k; not wJalr…/K7MD…/bPxR… (random segments)
    }
    // relative paths: segments of file-name characters with an extension on the last one
    int slash = v.lastIndexOf('/');
    if (slash > 0 && slash < v.length() - 1) {
      String last = v.substring(slash + 1);
      int dot = last.lastIndexOf('.');
      if (dot > 0 && dot >= last.length() - 6 && dot < last.length() - 1) {
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (!(Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == '_' || c == '-')) {
            return false;
          }
        }
        String ext = last.substring(dot + 1);
        for (int i = 0; i < ext.length(); i++) {
          if (!Character.isLowerCase(ext.charAt(i))) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Segments that read as words: lower, UPPER or camelCase with few humps, none too long. */
  static boolean wordySegments(String[] segments) {
    for (String seg : segments) {
      int upper = 0;
      int lower = 0;
      int digits = 0;
      for (int i = 0; i < seg.length(); i++) {
        char c = seg.charAt(i);
        if (Character.isUpperCase(c)) {
          upper++;
        } else if (Character.isLowerCase(c)) {
          lower++;
        } else if (Character.isDigit(c)) {
          digits++;
        }
      }
      if (upper > 3 && lower > 0 || seg.length() > 40 || digits > 4 && upper + lower > 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isUrlWithoutCredentials(String v) {
    int scheme = v.indexOf("://");
    if (scheme <= 0 || v.indexOf(' ') >= 0) {
      return false;
    }
    for (int i = 0; i < scheme; i++) {
      char c = v.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
        return false;
      }
    }
    return !UrlCredentials.hasPassword(v, scheme);
  }

  static boolean isPublicMaterial(String v) {
    return v.contains("-----BEGIN CERTIFICATE") || v.contains("PUBLIC KEY-----") || v.contains("-----BEGIN X509 CRL")
        || v.contains("-----BEGIN CERTIFICATE REQUEST") || v.startsWith("ssh-rsa ") || v.startsWith("ssh-ed25519 ")
        || v.startsWith("ssh-dss ") || v.startsWith("ecdsa-sha2-") || v.startsWith("sk-ssh-") || v.startsWith("sk-ecdsa-")
        || (v.startsWith("age1") && v.length() == 62 && v.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9'));
  }

  /**
   * Kubernetes object names (DNS-1123) with a separator: {@code db-credentials}, {@code tls-cert},
   * {@code redis-master-0}. Names are built from words: each segment is letters, digits, or letters
   * then digits ({@code v2}); at least one word has three letters. Digits mixed into letters
   * ({@code r3d1s-pa55}) are how passwords look, not names. Under password keys only all-letter
   * names count ({@code db-credentials}), since {@code adm-hunter2} is a password there.
   */
  static boolean isResourceName(String v, boolean lettersOnly) {
    int n = v.length();
    if (n > 253 || n < 3) {
      return false;
    }
    String[] segments = v.split("[-.]", -1);
    if (segments.length < 2) {
      return false;
    }
    boolean word = false;
    int numeric = 0;
    for (String seg : segments) {
      if (seg.isEmpty()) {
        return false;
      }
      int i = 0;
      while (i < seg.length() && seg.charAt(i) >= 'a' && seg.charAt(i) <= 'z') {
        i++;
      }
      int letters = i;
      while (i < seg.length() && seg.charAt(i) >= '0' && seg.charAt(i) <= '9') {
        i++;
      }
      if (i != seg.length()) {
        return false; // upper case, symbols, or digits followed by letters
      }
      if (lettersOnly && letters != seg.length()) {
        return false;
      }
      if (letters == 0) {
        numeric++;
      }
      if (letters >= 3) {
        word = true;
      }
    }
    return word && numeric <= 1 && !isUuidLike(v);
  }

  private static boolean namesASecret(String v) {
    return v.contains("secret") || v.contains("password") || v.contains("credential") || v.contains("token") || v.contains("creds")
        || v.contains("key") || v.contains("auth") || v.contains("passwd") || v.contains("pwd");
  }

  private static boolean isUuidLike(String v) {
    return v.length() == 36 && v.charAt(8) == '-' && v.charAt(13) == '-' && v.charAt(18) == '-' && v.charAt(23) == '-';
  }

  /** {@code DB_PASSWORD}: the name of a variable, not its value. */
  private static boolean isEnvVarName(String v) {
    boolean underscore = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '_') {
        underscore = true;
      } else if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return underscore && Character.isLetter(v.charAt(0));
  }

  private static boolean isLowerWord(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static int countSpaces(String v) {
    int n = 0;
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  static String stripQuotes(String v) {
    if (v.length() >= 2) {
      char a = v.charAt(0);
      char b = v.charAt(v.length() - 1);
      if ((a == '"' || a == '\'') && a == b) {
        return v.substring(1, v.length() - 1);
      }
    }
    return v;
  }
}
