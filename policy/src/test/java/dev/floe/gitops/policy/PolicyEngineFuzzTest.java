package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzz targets for the whole engine. In a normal build the seeds under
 * {@code src/test/resources/dev/floe/gitops/policy/PolicyEngineFuzzTestInputs/} are replayed;
 * {@code JAZZER_FUZZ=1} fuzzes. Invariants: no exception escapes, every scan ends within its budget
 * (as a result, never a hang), and no finding carries the secret it found.
 */
class PolicyEngineFuzzTest {

  private static final PolicyEngine ENGINE = PolicyEngine.defaults();
  /** The only shape a masked value may have: a short public prefix, stars, the length. */
  private static final Pattern MASKED = Pattern.compile("^[A-Za-z0-9_.:/ \\-]{0,48}\\*\\*\\* \\(\\d+ chars\\)$");

  private static ScanContext smallBudget() {
    return new ScanContext(ScanContext.Mode.FILE, Budget.of(4L << 20, Duration.ofSeconds(2), System::nanoTime));
  }

  @FuzzTest(maxDuration = "60s")
  void scanText(byte[] input) {
    long t0 = System.nanoTime();
    ScanResult r = ENGINE.scanText(input, "fuzz.yaml", smallBudget());
    assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(10).toNanos());
    checkFindings(r, null);
  }

  @FuzzTest(maxDuration = "60s")
  void secretNeverLeaks(FuzzedDataProvider data) {
    String key = data.pickValue(new String[] {"password", "DB_PASSWORD", "token", "apiKey", "client_secret", "value", "auth", "args"});
    String secret = "Zq" + data.consumeString(60).replace("\n", "").replace("'", "") + "9x";
    String prefix = data.consumeString(40);
    String wrapper = data.pickValue(new String[] {"%s", "--password=%s", "postgres://u:%s@h/db", "Bearer %s", "x=%s;y", "'%s'"});
    String yaml = "a: " + quote(prefix) + "\n" + key + ": " + quote(wrapper.formatted(secret)) + "\n" + data.consumeRemainingAsString();
    ScanResult r = ENGINE.scanText(yaml.getBytes(StandardCharsets.UTF_8), "fuzz.yaml", smallBudget());
    checkFindings(r, yaml.indexOf(secret) == yaml.lastIndexOf(secret) ? secret : null);
  }

  @FuzzTest(maxDuration = "60s")
  void scanTree(FuzzedDataProvider data) {
    Object tree = tree(data, 0);
    ScanResult r = ENGINE.scanTree(tree, ScanContext.admission());
    checkFindings(r, null);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''").replace("\n", " ") + "'";
  }

  private static Object tree(FuzzedDataProvider data, int depth) {
    int kind = depth > 6 ? 3 : data.consumeInt(0, 5);
    switch (kind) {
      case 0 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
          m.put(data.pickValue(new String[] {"kind", "apiVersion", "data", "binaryData", "env", "name", "value", "args", "password",
              "stringData", "sops", "encryptedData", "metadata", "annotations", data.consumeString(12)}), tree(data, depth + 1));
        }
        return m;
      }
      case 1 -> {
        List<Object> l = new ArrayList<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
          l.add(tree(data, depth + 1));
        }
        return l;
      }
      case 2 -> {
        return data.pickValue(new String[] {"Secret", "v1", "SealedSecret", "ConfigMap"});
      }
      case 3 -> {
        return data.consumeString(200);
      }
      case 4 -> {
        return data.consumeLong();
      }
      default -> {
        return data.consumeBoolean() ? null : Boolean.TRUE;
      }
    }
  }

  private static void checkFindings(ScanResult r, String secret) {
    assertThat(r).isNotNull();
    for (Finding f : r.findings()) {
      assertThat(f.masked()).matches(MASKED);
      assertThat(f.remediation()).isNotBlank();
      if (secret != null && secret.length() >= 8) {
        assertThat(f.masked()).doesNotContain(secret);
      }
    }
    if (secret != null && secret.length() >= 8) {
      assertThat(r.toString()).doesNotContain(secret.substring(0, 8) + secret.substring(8));
    }
  }
}
