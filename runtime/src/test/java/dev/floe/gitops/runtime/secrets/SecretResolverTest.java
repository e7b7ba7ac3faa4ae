package dev.floe.gitops.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class SecretResolverTest {

    static final String VALUE = "pa55-w0rd-do-not-leak";

    @TempDir Path dir;
    ListAppender<ILoggingEvent> logs;
    Logger logger;
    Level previousLevel;

    @BeforeEach
    void captureLogs() {
        logger = (Logger) LoggerFactory.getLogger(SecretResolver.class);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
        logger.setLevel(previousLevel);
    }

    SecretResolver resolver(Map<String, String> env) {
        return new SecretResolver(List.of(new EnvironmentSecretSource(env), new FileSecretSource(dir)));
    }

    @Test
    void theEnvironmentVariableComesFirstThenTheFile() throws IOException {
        Files.writeString(dir.resolve("sales-webhook-secret"), "from-file\n");
        SecretRef ref = new SecretRef("sales-webhook-secret");
        assertThat(resolver(Map.of("SALES_WEBHOOK_SECRET", "from-env")).require(ref).expose()).isEqualTo("from-env");
        assertThat(resolver(Map.of()).require(ref).expose()).isEqualTo("from-file");
    }

    @Test
    void aMountedFileIsTrimmedOfItsTrailingNewline() throws IOException {
        Files.writeString(dir.resolve("token"), "abc def\r\n\n");
        assertThat(resolver(Map.of()).require(new SecretRef("token")).expose()).isEqualTo("abc def");
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path file = dir.resolve("rotating");
        Files.writeString(file, "first\n");
        SecretResolver resolver = resolver(Map.of());
        assertThat(resolver.require(new SecretRef("rotating")).expose()).isEqualTo("first");
        Files.writeString(file, "second-value\n");
        assertThat(resolver.require(new SecretRef("rotating")).expose()).isEqualTo("second-value");
        Files.delete(file);
        assertThat(resolver.lookup(new SecretRef("rotating"))).isInstanceOf(SecretResolver.Missing.class);
    }

    @Test
    void missingSecretNamesWhereItLookedButNotTheValue() {
        SecretRef ref = new SecretRef("sales-webhook-secret");
        // The value exists under another name: it must not appear anywhere in the error.
        assertThatThrownBy(() -> resolver(Map.of("OTHER", VALUE)).require(ref))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessage("secret 'sales-webhook-secret' not found; looked at: environment variable SALES_WEBHOOK_SECRET, file "
                        + dir.resolve("sales-webhook-secret"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain(VALUE));
    }

    @Test
    void theValueIsNeverInToStringExceptionsOrLogLines() throws IOException {
        Files.writeString(dir.resolve("db-password"), VALUE);
        SecretValue value = resolver(Map.of()).require(new SecretRef("db-password"));
        assertThat(value.toString()).isEqualTo("*** (" + VALUE.length() + " chars)");
        assertThat(String.valueOf(new SecretResolver.Resolved(value, "x"))).doesNotContain(VALUE);
        assertThatThrownBy(() -> resolver(Map.of()).require(new SecretRef("absent"))).message().doesNotContain(VALUE);

        assertThat(logs.list).isNotEmpty(); // the debug line saying where it came from
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(VALUE);
            assertThat(event.getThrowableProxy()).isNull();
        }
        assertThat(logs.list.get(0).getFormattedMessage()).isEqualTo("secret 'db-password' resolved from file " + dir.resolve("db-password"));
    }

    @Test
    void valuesCompareInConstantTime() {
        SecretValue value = SecretValue.of(VALUE);
        assertThat(value.matches(VALUE)).isTrue();
        assertThat(value.matches(VALUE + "x")).isFalse();
        assertThat(value).isEqualTo(SecretValue.of(VALUE)).isNotEqualTo(SecretValue.of("other"));
        assertThat(SecretValue.constantTimeEquals("a".getBytes(), "a".getBytes())).isTrue();
    }

    @Test
    void referenceNamesCannotLeaveTheSecretsFolder() {
        assertThat(SecretRef.isValidName("../etc/passwd")).isFalse();
        assertThat(SecretRef.isValidName("a/b")).isFalse();
        assertThat(SecretRef.isValidName(".hidden")).isFalse();
        assertThat(SecretRef.isValidName("sales-webhook-secret")).isTrue();
        assertThatThrownBy(() -> new SecretRef("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
