package dev.floe.gitops.policy;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything a scan needs that is built once per engine: rules, prefilter, allowlist. Immutable
 * apart from bounded, thread-safe caches of per-key answers.
 */
final class Detectors {

  /** A path allowlist entry compiled to an RE2 pattern. */
  record CompiledPathAllow(Pattern glob, String ruleId) {}

  final TokenMatcher tokens;
  final Classifier classifier = new Classifier();
  final Set<String> disabled;
  final List<CompiledPathAllow> pathAllows;
  final List<PolicyConfig.ValueAllow> valueAllows;
  final String hmacKey;
  /** Exemptions with their globs compiled: namespace, name (null: any) and rules (empty: all). */
  record CompiledExemption(Pattern namespace, Pattern name, Set<String> rules) {}

  final List<CompiledExemption> exemptions;

  Detectors(PolicyConfig config) {
    List<TokenRule> rules = new ArrayList<>(BuiltinTokenRules.all());
    for (PolicyConfig.CustomRule c : config.customRules()) {
      Pattern p = Pattern.compile(c.regex());
      rules.add(new TokenRule(c.id(), c.description(), c.keywords(), false, p, p.groupCount() >= 1 ? 1 : 0, -1, 0.0, false,
          false, c.severity(), c.remediation()));
    }
    rules.removeIf(r -> config.disabledRules().contains(r.id()));
    this.tokens = new TokenMatcher(rules, classifier);
    this.disabled = config.disabledRules();
    List<CompiledPathAllow> pa = new ArrayList<>();
    for (PolicyConfig.PathAllow a : config.allowPaths()) {
      pa.add(new CompiledPathAllow(Pattern.compile(globToRegex(a.glob())), a.ruleId()));
    }
    this.pathAllows = List.copyOf(pa);
    this.valueAllows = config.allowValues();
    this.hmacKey = config.hmacKey();
    List<CompiledExemption> ex = new ArrayList<>();
    for (PolicyConfig.Exemption e : config.exemptions()) {
      ex.add(new CompiledExemption(e.namespace() == null ? null : Pattern.compile(nameGlob(e.namespace())),
          e.name() == null ? null : Pattern.compile(nameGlob(e.name())), e.rules()));
    }
    this.exemptions = List.copyOf(ex);
  }

  /** Kubernetes names have no segments: {@code *} matches anything. */
  static String nameGlob(String glob) {
    StringBuilder sb = new StringBuilder("^");
    for (char c : glob.toCharArray()) {
      sb.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return sb.append('$').toString();
  }

  /** Whether an object (its metadata namespace and name; null when absent) is exempt from a rule. */
  boolean exempt(String ruleId, String namespace, String name) {
    for (CompiledExemption e : exemptions) {
      if ((e.rules().isEmpty() || e.rules().contains(ruleId))
          && (e.namespace() == null || namespace != null && e.namespace().matches(namespace))
          && (e.name() == null || name != null && e.name().matches(name))) {
        return true;
      }
    }
    return false;
  }

  /** {@code **} spans segments, {@code *} stays within one (no '.', '[' or ']'); everything else is literal. */
  static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder("^");
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          sb.append(".*");
          i++;
        } else {
          sb.append("[^.\\[\\]]*");
        }
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.append('$').toString();
  }

  private static final int KEY_CACHE_LIMIT = 4096;
  /** Classifying a key splits it into words; keys repeat, so the answer is remembered (bounded). */
  private final java.util.concurrent.ConcurrentHashMap<String, KeyNames.Kind> keyKinds = new java.util.concurrent.ConcurrentHashMap<>();

  KeyNames.Kind keyKind(String key) {
    KeyNames.Kind k = keyKinds.get(key);
    if (k == null) {
      k = KeyNames.classify(key);
      if (keyKinds.size() < KEY_CACHE_LIMIT && key.length() <= 256) {
        keyKinds.put(key, k);
      }
    }
    return k;
  }

  boolean allowed(String ruleId, String path, String rawValue) {
    for (CompiledPathAllow a : pathAllows) {
      if ((a.ruleId() == null || a.ruleId().equals(ruleId)) && a.glob().matches(path)) {
        return true;
      }
    }
    if (!valueAllows.isEmpty() && rawValue != null) {
      String h = PolicyConfig.hmacHex(hmacKey, rawValue);
      for (PolicyConfig.ValueAllow v : valueAllows) {
        if ((v.ruleId() == null || v.ruleId().equals(ruleId)) && java.security.MessageDigest.isEqual(
            v.hmacHex().getBytes(java.nio.charset.StandardCharsets.US_ASCII), h.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
          return true;
        }
      }
    }
    return false;
  }
}
