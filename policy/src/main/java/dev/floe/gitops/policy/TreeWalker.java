package dev.floe.gitops.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks a document tree and applies every rule to every string, with the key name and the path as
 * context. Kubernetes knowledge lives here: name/value pairs (env, probe headers) take the name as
 * the key, container args and commands are read as command lines, Secret and SealedSecret objects
 * are handled by mode, ConfigMap binaryData is decoded, and strings that hold documents (embedded
 * YAML/JSON/properties/INI/.env/.npmrc/docker config/kubeconfig) are parsed and walked.
 */
final class TreeWalker {

  private static final int MAX_DEPTH = 200;
  private static final int MAX_EMBED = 4;
  private static final int MAX_EMBEDDED_CHARS = 4 << 20;
  private static final int MAX_BASE64_CHARS = 1 << 20; // binaryData: decoded because it is base64 by definition
  private static final int MAX_SNIFFED_BASE64_CHARS = 64 << 10; // other values: only when obviously base64, and bounded
  private static final int MAX_COMMAND_WORDS = 20_000;
  private static final Set<String> COMMAND_KEYS = Set.of("args", "command", "cmd", "entrypoint", "arguments", "extraArgs", "extra_args");
  private static final Set<String> PLATFORM_LITERAL_KEYS = Set.of("client_secret", "key_ref", "api_secret", "clientSecret");

  /** Per-document facts that change how strings below are judged. */
  private record Frame(boolean platform, boolean sealed) {
    static final Frame NONE = new Frame(false, false);
  }

  private final Detectors d;
  private final ScanSession s;
  private final ScanContext.Mode mode;

  TreeWalker(Detectors d, ScanSession s, ScanContext.Mode mode) {
    this.d = d;
    this.s = s;
    this.mode = mode;
  }

  /** Walks one document; {@code embed} counts how many documents deep it sits (0 for the scanned object). */
  void walkDocument(Object tree, JsonPath base, int embed, boolean platformHint) {
    Frame f = platformHint ? new Frame(true, false) : Frame.NONE;
    if (embed == 0 && tree instanceof Map<?, ?> m && m.get("metadata") instanceof Map<?, ?> meta) {
      s.atObject(meta.get("namespace") instanceof String ns ? ns : null, meta.get("name") instanceof String n ? n : null);
    }
    if (tree instanceof String str) {
      inspect(str, "", base, f, embed, false);
    } else {
      walk(tree, base, "", f, 0, embed, true);
    }
  }

  private void walk(Object node, JsonPath path, String keyCtx, Frame frame, int depth, int embed, boolean docRoot) {
    if (depth > MAX_DEPTH || node == null) {
      return;
    }
    if (node instanceof Map<?, ?> m) {
      walkMap(m, path, frame, depth, embed, docRoot);
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        Object e = l.get(i);
        if (e instanceof String str) {
          inspect(str, keyCtx, path.index(i), frame, embed, false);
        } else {
          walk(e, path.index(i), keyCtx, frame, depth + 1, embed, false);
        }
      }
    } else if (node instanceof String str) {
      inspect(str, keyCtx, path, frame, embed, false);
    } else {
      s.charge(8); // numbers and booleans are not secrets, but they count against the budget
    }
  }

  private void walkMap(Map<?, ?> m, JsonPath path, Frame frame, int depth, int embed, boolean docRoot) {
    Object kind = m.get("kind");
    if ("Secret".equals(kind) && isCoreApi(m.get("apiVersion"))) {
      secretObject(m, path, frame, depth, embed, docRoot);
      return;
    }
    if ("SealedSecret".equals(kind)) {
      frame = new Frame(frame.platform(), true);
    }
    if (docRoot && looksLikePlatform(m)) {
      frame = new Frame(true, frame.sealed());
    }
    if ("service_account".equals(m.get("type")) && m.get("private_key") instanceof String pk && m.containsKey("client_email")
        && !pk.isBlank()) {
      JsonPath p = path.key("private_key");
      s.claim(p);
      s.emit(RuleIds.GCP_SERVICE_ACCOUNT, p, Masker.mask(pk.length()), pk);
    }
    // name/value pairs: env entries, probe httpHeaders, Helm extraEnv, many CRDs
    String valueKey = null;
    if (m.get("value") instanceof String) {
      if (m.get("name") instanceof String n) {
        valueKey = n;
      } else if (m.get("key") instanceof String k) {
        valueKey = k;
      }
    }
    String mapKey = path.lastKey();
    boolean binary = "binaryData".equals(mapKey);
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = String.valueOf(e.getKey());
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      if (k.equals("sops") && v instanceof Map && docRoot) {
        continue; // SOPS metadata: MACs and wrapped data keys are ciphertext
      }
      if (frame.sealed() && k.equals("encryptedData")) {
        continue; // SealedSecret ciphertext only the controller can open
      }
      JsonPath child = path.key(k);
      String effectiveKey = valueKey != null && k.equals("value") ? valueKey : k;
      if (v instanceof String str) {
        inspect(str, effectiveKey, child, frame, embed, binary);
      } else {
        walk(v, child, effectiveKey, frame, depth + 1, embed, false);
        if (v instanceof List<?> l && COMMAND_KEYS.contains(k)) {
          commandLine(l, child, frame);
        }
      }
    }
  }

  private static boolean isCoreApi(Object apiVersion) {
    return apiVersion == null || "v1".equals(apiVersion);
  }

  private static boolean looksLikePlatform(Map<?, ?> m) {
    return (m.containsKey("version") || m.containsKey("apiVersion") && String.valueOf(m.get("apiVersion")).contains("floe"))
        && (m.containsKey("storage") || m.containsKey("catalogs") || m.containsKey("compute"));
  }

  /**
   * In files a Secret with data is a finding (Secrets belong in the cluster). At admission the
   * Secret object itself is allowed; a Secret found inside something else is a finding in both.
   */
  private void secretObject(Map<?, ?> m, JsonPath path, Frame frame, int depth, int embed, boolean docRoot) {
    boolean admittedObject = embed == 0 && path.isRoot();
    if (mode == ScanContext.Mode.ADMISSION && admittedObject) {
      return;
    }
    if (m.get("sops") instanceof Map) {
      return; // SOPS-encrypted: values are ENC[…]
    }
    String rule = mode == ScanContext.Mode.FILE && embed == 0 ? RuleIds.SECRET_MANIFEST : RuleIds.SECRET_DATA_EXPOSED;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = String.valueOf(e.getKey());
      JsonPath child = path.key(k);
      if ((k.equals("data") || k.equals("stringData")) && e.getValue() instanceof Map<?, ?> data) {
        for (Map.Entry<?, ?> de : data.entrySet()) {
          Object v = de.getValue();
          String str = v == null ? "" : String.valueOf(v);
          s.charge(str.length());
          if (!str.isBlank() && !d.classifier.isReference(str.strip())) {
            s.emit(rule, child.key(String.valueOf(de.getKey())), Masker.mask(str.length()), str);
          }
        }
      } else if (!k.equals("data") && !k.equals("stringData")) {
        walk(e.getValue(), child, k, frame, depth + 1, embed, false);
      }
    }
  }

  /** Applies every string rule to one value. */
  private void inspect(String value, String key, JsonPath path, Frame frame, int embed, boolean forceBase64) {
    inspect(value, key, path, frame, embed, forceBase64, true);
  }

  /** @param sourceText whether {@code value} is text of the scanned file (not decoded), so embedded lines map to file lines */
  private void inspect(String value, String key, JsonPath path, Frame frame, int embed, boolean forceBase64, boolean sourceText) {
    s.charge(value.length() + 1L);
    if (value.isEmpty() || s.isClaimed(path)) {
      return;
    }
    if (forceBase64) {
      // binaryData: the base64 itself means nothing; what it decodes to is the content
      String decoded = Base64Text.decode(value.strip(), MAX_BASE64_CHARS, true);
      if (decoded != null) {
        inspect(decoded, key, path, frame, embed + 1, false, false);
        return;
      }
    }
    if (embed < MAX_EMBED && value.length() >= 8) {
      // A document inside the string: walk it, so each inner value is judged under its own key
      // and reported at its own path (data["app.properties"]["db.password"]).
      boolean withLines = sourceText && s.tracksLines();
      ScanSession.Embedded parsed = s.embedded(value, key, withLines);
      if (parsed == null) {
        Map<String, Integer> lines = withLines ? new java.util.HashMap<>() : null;
        parsed = s.rememberEmbedded(value, key, withLines,
            new ScanSession.Embedded(EmbeddedDocuments.parse(value, key, MAX_EMBEDDED_CHARS, lines), lines));
      }
      Object tree = parsed.tree();
      Map<String, Integer> lines = parsed.lines();
      if (tree != null) {
        if (lines != null) {
          s.addEmbeddedLines(path, lines, value.indexOf('\n') >= 0);
        }
        walkDocument(tree, path, embed + 1, false);
        return;
      }
    }
    boolean tokenHit = false;
    for (TokenMatcher.Match m : d.tokens.match(value, key)) {
      tokenHit = true;
      s.emit(m.rule().id(), path, m.masked(), m.rule().severity(), m.rule().remediation(), m.secret());
    }
    if (value.indexOf("://") > 0 || value.indexOf('=') > 0) {
      urlCredentials(value, path);
    }
    if (CommandLine.worthScanning(value) && (hasWhitespace(value) || isAssignment(value))) {
      commandLine(List.of(value), null, path, frame);
    }
    if (!tokenHit && embed < MAX_EMBED && value.length() >= 16) {
      // decoded first: what the base64 hides (a PEM key, user:pass) names the finding better
      String decoded = Base64Text.decode(value.strip(), MAX_SNIFFED_BASE64_CHARS, false);
      if (decoded != null && !decoded.equals(value)) {
        inspect(decoded, key, path, frame, embed + 1, false, false);
      }
    }
    if (!tokenHit) {
      keyRules(value, key, path, frame);
    }
  }

  private void keyRules(String value, String key, JsonPath path, Frame frame) {
    if (key.isEmpty()) {
      return;
    }
    if (key.equalsIgnoreCase("auth") && path.toString().contains("auths")) {
      dockerAuth(value, path);
      return;
    }
    KeyNames.Kind kind = d.keyKind(key);
    if (frame.platform() && (kind != KeyNames.Kind.NONE || PLATFORM_LITERAL_KEYS.contains(key))) {
      String v = value.strip();
      // A bare ambiguous noun (auth, token, credentials) in platform.yaml often names a mechanism
      // (ingress routes' auth: oauth2-proxy); it is a credential only when it reads like one.
      boolean mechanismName = kind == KeyNames.Kind.SECRET_AMBIGUOUS && !PLATFORM_LITERAL_KEYS.contains(key)
          && !d.classifier.isLiteralSecret(value, Classifier.KeyKind.SECRET_AMBIGUOUS);
      if (!v.isEmpty() && !mechanismName && !d.classifier.isReference(v) && !d.classifier.isPlaceholder(v)) {
        s.emit(RuleIds.PLATFORM_LITERAL, path, Masker.mask(v.length()), value);
      }
      return;
    }
    switch (kind) {
      case NONE -> { }
      case AUTHORIZATION -> authorization(value, path, RuleIds.AUTHORIZATION_HEADER);
      case PASSWORD, SECRET, SECRET_AMBIGUOUS -> {
        Classifier.KeyKind kk = keyKind(kind);
        if (!s.hasFindingAt(path) && d.classifier.isLiteralSecret(value, kk) && !isCredentialFreeUrl(value)) {
          s.emit(RuleIds.SECRET_NAMED_KEY, path, Masker.mask(value.strip().length()), value);
        }
      }
    }
  }

  private static Classifier.KeyKind keyKind(KeyNames.Kind kind) {
    return switch (kind) {
      case PASSWORD -> Classifier.KeyKind.PASSWORD;
      case SECRET_AMBIGUOUS -> Classifier.KeyKind.SECRET_AMBIGUOUS;
      default -> Classifier.KeyKind.SECRET;
    };
  }

  private static boolean isCredentialFreeUrl(String v) {
    return v.contains("://");
  }

  /** {@code Authorization: Bearer …}/{@code Basic …}: the credential after the scheme word is the secret. */
  private void authorization(String value, JsonPath path, String rule) {
    String v = value.strip();
    int sp = v.indexOf(' ');
    String scheme = sp > 0 ? v.substring(0, sp).toLowerCase(Locale.ROOT) : "";
    String cred = sp > 0 ? v.substring(sp + 1).strip() : v;
    if (scheme.equals("basic")) {
      String decoded = Base64Text.decode(cred, 4096, true);
      if (decoded != null && decoded.indexOf(':') >= 0) {
        String pw = decoded.substring(decoded.indexOf(':') + 1);
        if (d.classifier.isLiteralSecret(pw, Classifier.KeyKind.STRICT)) {
          s.emit(rule, path, Masker.mask(cred.length()), cred);
        }
        return;
      }
    }
    if (cred.length() >= 8 && !s.hasFindingAt(path) && d.classifier.isLiteralSecret(cred, Classifier.KeyKind.STRICT)
        && Entropy.bitsPerChar(cred) >= 2.5) {
      s.emit(rule, path, Masker.mask(cred.length()), cred);
    }
  }

  private void dockerAuth(String value, JsonPath path) {
    String decoded = Base64Text.decode(value.strip(), 8192, true);
    if (decoded == null) {
      return;
    }
    int c = decoded.indexOf(':');
    if (c > 0 && c + 1 < decoded.length()) {
      String pw = decoded.substring(c + 1);
      if (d.classifier.isLiteralSecret(pw, Classifier.KeyKind.STRICT)) {
        s.emit(RuleIds.DOCKER_CONFIG_AUTH, path, Masker.mask(value.strip().length()), value);
      }
    }
  }

  private void urlCredentials(String value, JsonPath path) {
    for (UrlCredentials.Span span : UrlCredentials.find(value)) {
      String pw = value.substring(span.start(), span.end());
      String plain = percentDecode(pw);
      if (plain.length() >= 3 && d.classifier.isLiteralSecret(plain, Classifier.KeyKind.STRICT)
          && !PLACEHOLDER_PASSWORDS.contains(plain.toLowerCase(Locale.ROOT))) {
        String rule = span.kind().equals("url") ? RuleIds.URL_CREDENTIALS : RuleIds.CONNECTION_STRING_PASSWORD;
        s.emit(rule, path, Masker.mask(pw.length()), pw);
      }
    }
  }

  private static final Set<String> PLACEHOLDER_PASSWORDS = Set.of("pass", "pw", "pwd", "user", "username", "passw0rd", "p", "x");

  private void commandLine(List<?> elements, JsonPath listPath, Frame frame) {
    List<String> strings = new java.util.ArrayList<>(elements.size());
    for (Object o : elements) {
      strings.add(o instanceof String str ? str : "");
    }
    commandLine(strings, listPath, null, frame);
  }

  /** Either {@code listPath} (a list; findings point at an element) or {@code stringPath} (one string). */
  private void commandLine(List<String> elements, JsonPath listPath, JsonPath stringPath, Frame frame) {
    for (CommandLine.Candidate c : CommandLine.scan(elements, MAX_COMMAND_WORDS, listPath == null)) {
      JsonPath at = listPath != null ? listPath.index(c.element()) : stringPath;
      if (s.hasFindingAt(at) && c.kind() != CommandLine.Kind.USER_PASSWORD) {
        continue;
      }
      String v = Classifier.stripQuotes(c.value().strip());
      switch (c.kind()) {
        case USER_PASSWORD -> {
          if (v.length() >= 4 && d.classifier.isLiteralSecret(v, Classifier.KeyKind.STRICT)) {
            s.emit(RuleIds.COMMAND_LINE, at, Masker.mask(v.length()), v);
          }
        }
        case HEADER -> {
          if (d.keyKind(c.key()) != KeyNames.Kind.NONE) {
            authorization(v, at, RuleIds.COMMAND_LINE);
          }
        }
        case FLAG, ASSIGNMENT -> {
          KeyNames.Kind kind = d.keyKind(c.key());
          if (kind == KeyNames.Kind.PASSWORD || kind == KeyNames.Kind.SECRET || kind == KeyNames.Kind.SECRET_AMBIGUOUS) {
            Classifier.KeyKind kk = keyKind(kind);
            if (d.classifier.isLiteralSecret(v, kk) && !v.contains("://")) {
              // a lone KEY=value (a compose environment entry) is a key with a value, not a command line
              boolean lone = c.kind() == CommandLine.Kind.ASSIGNMENT && elements.size() == 1 && !hasWhitespace(elements.get(0));
              s.emit(lone ? RuleIds.SECRET_NAMED_KEY : RuleIds.COMMAND_LINE, at, Masker.mask(v.length()), v);
            }
          } else if (kind == KeyNames.Kind.AUTHORIZATION) {
            authorization(v, at, RuleIds.COMMAND_LINE);
          }
        }
      }
    }
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** {@code KEY=value}: docker-compose environment lists, Helm --set strings. */
  private static boolean isAssignment(String v) {
    int eq = v.indexOf('=');
    if (eq <= 0 || !Character.isLetter(v.charAt(0)) && v.charAt(0) != '_') {
      return false;
    }
    for (int i = 1; i < eq; i++) {
      char c = v.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasWhitespace(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isWhitespace(v.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
