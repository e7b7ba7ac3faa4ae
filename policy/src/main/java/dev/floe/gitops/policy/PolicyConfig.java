package dev.floe.gitops.policy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The administrators' policy settings: the {@code policy:} section of floe-gitops.yaml. Every
 * exemption carries a reason. Values are allowlisted by a keyed hash (HMAC-SHA256, hex), never by
 * the value itself, so the configuration does not become a list of secrets.
 *
 * @param hmacKey the key for value hashes; the caller resolves it from a secret reference
 */
public record PolicyConfig(
    Set<String> disabledRules,
    List<CustomRule> customRules,
    List<PathAllow> allowPaths,
    List<ValueAllow> allowValues,
    String hmacKey,
    List<Exemption> exemptions) {

  /**
   * Objects exempted by administrators (SPEC §7): by namespace and object name globs (null means
   * any), for some rules (empty means all), with a reason. Matched against the scanned object's
   * {@code metadata}; configuration owns exemptions, so a manifest cannot exempt itself.
   */
  public record Exemption(String namespace, String name, Set<String> rules, String reason) {
    public Exemption {
      rules = Set.copyOf(rules);
      Objects.requireNonNull(reason, "reason");
      if (namespace == null && name == null) {
        throw new PolicyConfigException(List.of("policy.exemptions: an exemption needs a namespace or a name"));
      }
    }
  }

  /** Without exemptions. */
  public PolicyConfig(Set<String> disabledRules, List<CustomRule> customRules, List<PathAllow> allowPaths, List<ValueAllow> allowValues,
      String hmacKey) {
    this(disabledRules, customRules, allowPaths, allowValues, hmacKey, List.of());
  }

  /** A rule added by configuration. {@code keywords} feed the prefilter; the regex is RE2. */
  public record CustomRule(String id, String regex, List<String> keywords, String description, String remediation, Severity severity) {
    public CustomRule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(regex, "regex");
      keywords = List.copyOf(keywords);
      description = description == null ? id : description;
      remediation = remediation == null ? BuiltinTokenRules.remediation(description) : remediation;
      severity = severity == null ? Severity.HIGH : severity;
    }
  }

  /**
   * Findings whose JSON path matches {@code glob} ({@code *} within one segment, {@code **} across
   * segments) are not reported; {@code ruleId} null means any rule.
   */
  public record PathAllow(String glob, String ruleId, String reason) {
    public PathAllow {
      Objects.requireNonNull(glob, "glob");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A value whose HMAC-SHA256 (hex, under {@link PolicyConfig#hmacKey}) matches is not reported. */
  public record ValueAllow(String hmacHex, String ruleId, String reason) {
    public ValueAllow {
      hmacHex = Objects.requireNonNull(hmacHex, "hmacHex").toLowerCase(Locale.ROOT);
      Objects.requireNonNull(reason, "reason");
    }
  }

  public PolicyConfig {
    disabledRules = Set.copyOf(disabledRules);
    customRules = List.copyOf(customRules);
    allowPaths = List.copyOf(allowPaths);
    allowValues = List.copyOf(allowValues);
    exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
    if (!allowValues.isEmpty() && (hmacKey == null || hmacKey.isEmpty())) {
      throw new PolicyConfigException(List.of("policy.allowlist.hmacKey: required when allowlist.values is set"));
    }
  }

  public static PolicyConfig defaults() {
    return new PolicyConfig(Set.of(), List.of(), List.of(), List.of(), null);
  }

  /** The hash to put in {@code allowlist.values[].hmac} for a value, under a key. */
  public static String hmacHex(String key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Never prints the HMAC key. */
  @Override
  public String toString() {
    return "PolicyConfig[disabledRules=" + disabledRules + ", customRules=" + customRules.size() + ", allowPaths="
        + allowPaths.size() + ", allowValues=" + allowValues.size() + ", exemptions=" + exemptions.size() + ", hmacKey="
        + (hmacKey == null ? "unset" : "***") + "]";
  }

  private static final Set<String> TOP_KEYS = Set.of("disabledRules", "customRules", "allowlist", "exemptions");
  private static final Set<String> EXEMPTION_KEYS = Set.of("namespace", "name", "rules", "reason");
  private static final Set<String> ALLOWLIST_KEYS = Set.of("hmacKey", "paths", "values");
  private static final Set<String> CUSTOM_KEYS = Set.of("id", "regex", "keywords", "description", "remediation", "severity");
  private static final Set<String> PATH_KEYS = Set.of("path", "rule", "reason");
  private static final Set<String> VALUE_KEYS = Set.of("hmac", "rule", "reason");

  /**
   * Builds the configuration from the {@code policy:} map of floe-gitops.yaml. Collects every
   * problem and throws once, each problem naming its key ({@code policy.customRules[1].regex}).
   */
  public static PolicyConfig fromMap(Map<String, ?> map) {
    List<String> errors = new ArrayList<>();
    if (map == null) {
      return defaults();
    }
    unknownKeys("policy", map, TOP_KEYS, errors);
    Set<String> disabled = new LinkedHashSet<>();
    for (Object o : list("policy.disabledRules", map.get("disabledRules"), errors)) {
      if (o instanceof String s && !s.isBlank()) {
        disabled.add(s);
      } else {
        errors.add("policy.disabledRules: each entry must be a rule id");
      }
    }
    List<CustomRule> custom = new ArrayList<>();
    List<Object> rules = list("policy.customRules", map.get("customRules"), errors);
    for (int i = 0; i < rules.size(); i++) {
      String at = "policy.customRules[" + i + "]";
      if (!(rules.get(i) instanceof Map<?, ?> r)) {
        errors.add(at + ": must be a map");
        continue;
      }
      unknownKeys(at, r, CUSTOM_KEYS, errors);
      String id = string(at + ".id", r.get("id"), true, errors);
      String regex = string(at + ".regex", r.get("regex"), true, errors);
      if (regex != null) {
        try {
          Pattern p = Pattern.compile(regex);
          if (p.groupCount() < 0) {
            errors.add(at + ".regex: no groups");
          }
        } catch (PatternSyntaxException e) {
          errors.add(at + ".regex: not a valid RE2 pattern (" + e.getDescription() + ")");
        }
      }
      List<String> kws = new ArrayList<>();
      for (Object k : list(at + ".keywords", r.get("keywords"), errors)) {
        if (k instanceof String s && !s.isEmpty() && s.chars().allMatch(c -> c < 128)) {
          kws.add(s);
        } else {
          errors.add(at + ".keywords: each keyword must be non-empty ASCII text");
        }
      }
      if (kws.isEmpty()) {
        errors.add(at + ".keywords: at least one keyword is required (the prefilter runs the regex only where one occurs)");
      }
      String description = string(at + ".description", r.get("description"), false, errors);
      String remediation = string(at + ".remediation", r.get("remediation"), false, errors);
      Severity sev = Severity.HIGH;
      String sevText = string(at + ".severity", r.get("severity"), false, errors);
      if (sevText != null) {
        try {
          sev = Severity.valueOf(sevText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          errors.add(at + ".severity: must be one of CRITICAL, HIGH, MEDIUM, LOW");
        }
      }
      if (id != null && regex != null && !kws.isEmpty()) {
        custom.add(new CustomRule(id, regex, kws, description, remediation, sev));
      }
    }
    List<PathAllow> paths = new ArrayList<>();
    List<ValueAllow> values = new ArrayList<>();
    String hmacKey = null;
    Object allow = map.get("allowlist");
    if (allow != null && !(allow instanceof Map)) {
      errors.add("policy.allowlist: must be a map");
    } else if (allow instanceof Map<?, ?> a) {
      unknownKeys("policy.allowlist", a, ALLOWLIST_KEYS, errors);
      hmacKey = string("policy.allowlist.hmacKey", a.get("hmacKey"), false, errors);
      List<Object> ps = list("policy.allowlist.paths", a.get("paths"), errors);
      for (int i = 0; i < ps.size(); i++) {
        String at = "policy.allowlist.paths[" + i + "]";
        if (!(ps.get(i) instanceof Map<?, ?> p)) {
          errors.add(at + ": must be a map");
          continue;
        }
        unknownKeys(at, p, PATH_KEYS, errors);
        String glob = string(at + ".path", p.get("path"), true, errors);
        String rule = string(at + ".rule", p.get("rule"), false, errors);
        String reason = string(at + ".reason", p.get("reason"), true, errors);
        if (glob != null && reason != null) {
          paths.add(new PathAllow(glob, rule, reason));
        }
      }
      List<Object> vs = list("policy.allowlist.values", a.get("values"), errors);
      for (int i = 0; i < vs.size(); i++) {
        String at = "policy.allowlist.values[" + i + "]";
        if (!(vs.get(i) instanceof Map<?, ?> v)) {
          errors.add(at + ": must be a map");
          continue;
        }
        unknownKeys(at, v, VALUE_KEYS, errors);
        String hex = string(at + ".hmac", v.get("hmac"), true, errors);
        if (hex != null && !hex.matches("[0-9a-fA-F]{64}")) {
          errors.add(at + ".hmac: must be 64 hex digits (HMAC-SHA256)");
          hex = null;
        }
        String rule = string(at + ".rule", v.get("rule"), false, errors);
        String reason = string(at + ".reason", v.get("reason"), true, errors);
        if (hex != null && reason != null) {
          values.add(new ValueAllow(hex, rule, reason));
        }
      }
      if (!values.isEmpty() && hmacKey == null) {
        errors.add("policy.allowlist.hmacKey: required when allowlist.values is set");
      }
    }
    List<Exemption> exemptions = new ArrayList<>();
    List<Object> ex = list("policy.exemptions", map.get("exemptions"), errors);
    for (int i = 0; i < ex.size(); i++) {
      String at = "policy.exemptions[" + i + "]";
      if (!(ex.get(i) instanceof Map<?, ?> e)) {
        errors.add(at + ": must be a map");
        continue;
      }
      unknownKeys(at, e, EXEMPTION_KEYS, errors);
      String ns = string(at + ".namespace", e.get("namespace"), false, errors);
      String name = string(at + ".name", e.get("name"), false, errors);
      String reason = string(at + ".reason", e.get("reason"), true, errors);
      Set<String> exemptRules = new LinkedHashSet<>();
      for (Object r : list(at + ".rules", e.get("rules"), errors)) {
        if (r instanceof String s && !s.isBlank()) {
          exemptRules.add(s);
        } else {
          errors.add(at + ".rules: each entry must be a rule id");
        }
      }
      if (ns == null && name == null) {
        errors.add(at + ": needs a namespace or a name (glob)");
      } else if (reason != null) {
        exemptions.add(new Exemption(ns, name, exemptRules, reason));
      }
    }
    if (!errors.isEmpty()) {
      throw new PolicyConfigException(errors);
    }
    return new PolicyConfig(disabled, custom, paths, values, hmacKey, exemptions);
  }

  private static void unknownKeys(String at, Map<?, ?> m, Set<String> known, List<String> errors) {
    for (Object k : m.keySet()) {
      if (!known.contains(String.valueOf(k))) {
        errors.add(at + "." + k + ": unknown key (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
      }
    }
  }

  private static List<Object> list(String at, Object o, List<String> errors) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    errors.add(at + ": must be a list");
    return List.of();
  }

  private static String string(String at, Object o, boolean required, List<String> errors) {
    if (o == null) {
      if (required) {
        errors.add(at + ": required");
      }
      return null;
    }
    if (o instanceof String s && !s.isBlank()) {
      return s;
    }
    if (o instanceof Map<?, ?> m && m.containsKey("secret_ref")) {
      errors.add(at + ": a secret_ref must be resolved by the caller before building the policy");
      return null;
    }
    errors.add(at + ": must be non-empty text");
    return null;
  }
}
