package dev.floe.gitops.cli;

import dev.floe.gitops.policy.PolicyConfig;
import dev.floe.gitops.policy.PolicyConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the {@code policy:} section of floe-gitops.yaml. File reading happens here, at the edge; the
 * policy library only sees the map. The HMAC key may be a {@code {secret_ref: name}}, resolved from
 * the environment variable {@code upper(name)} with {@code -} → {@code _} (SPEC §9).
 */
final class ScanConfigFile {

  private ScanConfigFile() {}

  static PolicyConfig read(Path file) throws IOException {
    String text = Files.readString(file);
    Object root;
    try {
      root = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new PolicyConfigException(List.of(file + ": not valid YAML"));
    }
    if (root == null) {
      return PolicyConfig.defaults();
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new PolicyConfigException(List.of(file + ": the top level must be a map"));
    }
    Object policy = top.get("policy");
    if (policy == null) {
      return PolicyConfig.defaults();
    }
    if (!(policy instanceof Map<?, ?> p)) {
      throw new PolicyConfigException(List.of("policy: must be a map"));
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    p.forEach((k, v) -> copy.put(String.valueOf(k), v));
    if (copy.get("allowlist") instanceof Map<?, ?> allow && allow.get("hmacKey") instanceof Map<?, ?> ref && ref.get("secret_ref") instanceof String name) {
      String var = name.toUpperCase(Locale.ROOT).replace('-', '_');
      String value = System.getenv(var);
      if (value == null || value.isEmpty()) {
        throw new PolicyConfigException(List.of("policy.allowlist.hmacKey: secret_ref " + name + " is not set (environment variable " + var + ")"));
      }
      Map<String, Object> a = new LinkedHashMap<>();
      allow.forEach((k, v) -> a.put(String.valueOf(k), v));
      a.put("hmacKey", value);
      copy.put("allowlist", a);
    }
    return PolicyConfig.fromMap(copy);
  }
}
