package dev.floe.gitops.cli;

import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.policy.RuleDescriptor;
import dev.floe.gitops.policy.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders scan findings as text, JSON or SARIF 2.1.0. Findings carry masked values only. */
final class ScanReports {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ScanReports() {}

  static void text(List<Finding> findings, PrintWriter out) {
    for (Finding f : findings) {
      out.println(f + ": " + f.remediation());
    }
    out.println(findings.isEmpty() ? "no inline secrets found" : findings.size() + " finding(s)");
  }

  static void json(List<Finding> findings, PrintWriter out) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", f.file());
      m.put("line", f.line());
      m.put("path", f.path());
      m.put("rule", f.ruleId());
      m.put("masked", f.masked());
      m.put("remediation", f.remediation());
      list.add(m);
    }
    out.println(JSON.writeValueAsString(Map.of("findings", list)));
  }

  static void sarif(List<Finding> findings, List<RuleDescriptor> rules, PrintWriter out) {
    List<Map<String, Object>> ruleList = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (RuleDescriptor r : rules) {
      index.put(r.id(), ruleList.size());
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", r.id());
      rule.put("shortDescription", Map.of("text", r.description()));
      rule.put("help", Map.of("text", r.remediation()));
      rule.put("defaultConfiguration", Map.of("level", level(r.severity())));
      ruleList.add(rule);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("ruleId", f.ruleId());
      Integer i = index.get(f.ruleId());
      if (i != null) {
        res.put("ruleIndex", i);
      }
      res.put("level", level(f.severity()));
      res.put("message", Map.of("text", f.ruleId() + " at " + (f.path().isEmpty() ? "<root>" : f.path()) + " (" + f.masked() + "). "
          + f.remediation()));
      Map<String, Object> physical = new LinkedHashMap<>();
      physical.put("artifactLocation", Map.of("uri", uri(f.file())));
      if (f.line() > 0) {
        physical.put("region", Map.of("startLine", f.line()));
      }
      Map<String, Object> location = new LinkedHashMap<>();
      location.put("physicalLocation", physical);
      if (!f.path().isEmpty()) {
        location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", f.path(), "kind", "member")));
      }
      res.put("locations", List.of(location));
      results.add(res);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "floe-gitops");
    driver.put("informationUri", "https://floe.dev/gitops");
    driver.put("rules", ruleList);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    out.println(JSON.writeValueAsString(log));
  }

  private static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  /** A relative URI reference: forward slashes, spaces and other reserved characters percent-encoded. */
  private static String uri(String file) {
    StringBuilder sb = new StringBuilder();
    for (char c : file.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          sb.append('%').append(String.format("%02X", b));
        }
      }
    }
    return sb.toString();
  }
}
