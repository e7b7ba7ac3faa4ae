package dev.floe.gitops.policy;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * A pattern rule: a known token format, or a custom rule from configuration.
 *
 * @param keywords literals of which at least one occurs in every match; the prefilter runs the
 *     pattern only where one occurs
 * @param caseSensitiveKeywords whether the keywords must occur in this exact case (token prefixes
 *     such as {@code AKIA} do; context words such as {@code aws_secret} do not)
 * @param pattern an RE2 pattern: linear time whatever the input
 * @param secretGroup the group holding the secret; its length is reported and its entropy checked
 * @param prefixGroup the group holding the format's public prefix shown in the mask, or -1
 * @param entropyFloor minimum Shannon entropy (bits per character) of the secret group; rejects
 *     placeholders such as {@code ghp_xxxx…}
 * @param contextual the rule keys on a variable name rather than a token prefix; it is also tried on
 *     {@code key=value} when the key name carries the keyword, and its value must not be a
 *     placeholder
 * @param leftBoundary the secret group must not follow a letter, digit or underscore (checked in
 *     code so the pattern can start with its literal prefix)
 */
public record TokenRule(
    String id,
    String description,
    List<String> keywords,
    boolean caseSensitiveKeywords,
    Pattern pattern,
    int secretGroup,
    int prefixGroup,
    double entropyFloor,
    boolean contextual,
    boolean leftBoundary,
    Severity severity,
    String remediation) {

  public TokenRule {
    Objects.requireNonNull(id, "id");
    keywords = List.copyOf(keywords);
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " needs at least one keyword for the prefilter");
    }
    Objects.requireNonNull(pattern, "pattern");
    if (secretGroup < 0 || secretGroup > pattern.groupCount()) {
      throw new IllegalArgumentException("rule " + id + ": secret group " + secretGroup + " does not exist");
    }
    if (prefixGroup > pattern.groupCount()) {
      throw new IllegalArgumentException("rule " + id + ": prefix group " + prefixGroup + " does not exist");
    }
  }
}
