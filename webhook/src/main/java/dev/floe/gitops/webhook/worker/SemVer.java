package dev.floe.gitops.webhook.worker;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version read from a tag name ({@code v1.2.3}, {@code 1.2.3-rc.1}); build metadata is ignored, as
 * semver.org orders it. Used to pick the highest tag matching a deploy entry's pattern.
 */
record SemVer(BigInteger major, BigInteger minor, BigInteger patch, String preRelease) implements Comparable<SemVer> {

  private static final Pattern FORM = Pattern.compile(
      "^[vV]?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z.-]+)?$");

  static Optional<SemVer> parse(String tag) {
    Matcher m = FORM.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SemVer(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)),
        m.group(4) == null ? "" : m.group(4)));
  }

  @Override
  public int compareTo(SemVer o) {
    int c = major.compareTo(o.major);
    if (c == 0) c = minor.compareTo(o.minor);
    if (c == 0) c = patch.compareTo(o.patch);
    if (c != 0) return c;
    if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty()); // a release outranks its pre-releases
    }
    String[] a = preRelease.split("\\.");
    String[] b = o.preRelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean an = a[i].chars().allMatch(Character::isDigit);
      boolean bn = b[i].chars().allMatch(Character::isDigit);
      int x = an && bn ? new BigInteger(a[i]).compareTo(new BigInteger(b[i]))
          : an ? -1 : bn ? 1 : a[i].compareTo(b[i]);
      if (x != 0) return x;
    }
    return Integer.compare(a.length, b.length);
  }
}
