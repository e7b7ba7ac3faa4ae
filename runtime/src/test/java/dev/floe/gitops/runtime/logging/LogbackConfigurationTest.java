package dev.floe.gitops.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml must parse: a broken one silently falls back to DEBUG on the console. */
class LogbackConfigurationTest {

  @Test
  void shippedLogbackXmlConfiguresWithoutErrors() throws Exception {
    URL config = getClass().getClassLoader().getResource("logback.xml");
    assertThat(config).isNotNull();
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(s -> s.getLevel() >= Status.WARN)
        .isEmpty();
    assertThat(context.getLogger("ROOT").getAppender("console")).isNotNull();
    context.stop();
  }
}
