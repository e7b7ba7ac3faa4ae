package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoggingDefaultsTest {

  @Test
  void log4jApiGetsAProviderSoTheBrokerPrintsNoPlainTextErrorAtStart() {
    Properties properties = new Properties();
    FloeGitops.loggingDefaults(properties, Map.of());
    assertThat(properties.getProperty("log4j2.loggerContextFactory")).isEqualTo(FloeGitops.LOG4J_SIMPLE_CONTEXT);
    assertThat(properties.getProperty("floe.log.level")).isEqualTo("WARN");
    assertThat(properties.getProperty("floe.log.format")).isEqualTo("text");
  }

  @Test
  void whatTheUserSetIsKept() {
    Properties properties = new Properties();
    properties.setProperty("log4j2.loggerContextFactory", "custom.Factory");
    FloeGitops.loggingDefaults(properties, Map.of("FLOE_LOG_LEVEL", "DEBUG", "FLOE_LOG_FORMAT", "json"));
    assertThat(properties.getProperty("log4j2.loggerContextFactory")).isEqualTo("custom.Factory");
    assertThat(properties.getProperty("floe.log.level")).isNull();
    assertThat(properties.getProperty("floe.log.format")).isNull();
  }
}
