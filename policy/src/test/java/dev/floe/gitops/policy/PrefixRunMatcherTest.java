package dev.floe.gitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand matcher must find exactly what the rule's RE2 pattern finds: a differential test. */
class PrefixRunMatcherTest {

  @Test
  void agreesWithTheRegexOnRandomNearMisses() {
    Random rnd = new Random(42);
    int shaped = 0;
    for (TokenRule rule : BuiltinTokenRules.all()) {
      PrefixRunMatcher.Shape shape = PrefixRunMatcher.parse(rule.pattern().pattern()).orElse(null);
      if (shape == null) {
        continue;
      }
      shaped++;
      String cls = classChars(shape);
      for (int iter = 0; iter < 400; iter++) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + rnd.nextInt(4);
        for (int p = 0; p < pieces; p++) {
          switch (rnd.nextInt(4)) {
            case 0 -> sb.append(" ;=-_.aZ9\n".charAt(rnd.nextInt(10)));
            case 1 -> sb.append(shape.prefixes().get(rnd.nextInt(shape.prefixes().size())));
            default -> {
              int len = Math.max(0, shape.min() + rnd.nextInt(5) - 2);
              for (int i = 0; i < len; i++) {
                sb.append(cls.charAt(rnd.nextInt(cls.length())));
              }
            }
          }
        }
        String text = sb.toString();
        List<String> byHand = hand(shape, text);
        // Every regex match (with its left boundary) is found by hand; the hand matcher may also find
        // a token the regex skipped because an earlier, rejected match swallowed it (glpat-glpat-…).
        assertThat(byHand).as("%s on %s", rule.id(), text).containsAll(regex(rule, text));
        for (String t : byHand) {
          int at = text.indexOf(t);
          Matcher m = rule.pattern().matcher(text.substring(at));
          assertThat(m.lookingAt() && t.equals(m.group(1))).as("%s hand token %s in %s is a pattern match", rule.id(), t, text).isTrue();
        }
      }
    }
    assertThat(shaped).as("rules on the fast path").isGreaterThan(20);
  }

  private static String classChars(PrefixRunMatcher.Shape s) {
    StringBuilder sb = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      if (s.cls()[c]) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static List<String> regex(TokenRule rule, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = rule.pattern().matcher(text);
    while (m.find()) {
      int at = m.start(1);
      if (at > 0 && PrefixRunMatcher.isWord(text.charAt(at - 1))) {
        continue;
      }
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> hand(PrefixRunMatcher.Shape s, String text) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      for (String p : s.prefixes()) {
        if (text.startsWith(p, i)) {
          starts.add(i);
          break;
        }
      }
    }
    List<String> out = new ArrayList<>();
    int last = -1;
    for (int at : starts) {
      if (at <= last) {
        continue;
      }
      String t = PrefixRunMatcher.match(s, text, at);
      if (t != null) {
        out.add(t);
        last = at + t.length() - 1;
      }
    }
    return out;
  }
}
