package dev.floe.gitops.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The soak with faults (issue 11), run by {@code mvn -Psoak} only: the profile sets {@code floe.soak=true}, and the
 * class name matches none of surefire's default patterns, so the default build compiles it and never runs it.
 */
@EnabledIfSystemProperty(named = "floe.soak", matches = "true")
class SoakRun {

  @Test
  void nothingLostNothingTwiceNothingBackwards() throws Exception {
    SoakSettings settings = SoakSettings.fromSystemProperties();
    SoakReport report = new SoakDriver(settings).run();
    report.print(System.out);
    assertThat(report.verdict().violations()).as("violations (seed %d)", settings.seed()).isEmpty();
    assertThat(report.converged()).as("converged (seed %d): %s", settings.seed(), report.verdict().pending()).isTrue();
  }
}
