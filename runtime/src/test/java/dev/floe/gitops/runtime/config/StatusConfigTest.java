package dev.floe.gitops.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.secrets.SecretRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys of status checks and report pages (docs/status.md). */
class StatusConfigTest {

    static final String YAML = ConfigLoaderTest.EXAMPLE.replace("""
              dev: {platform: platform/dev/platform.yaml}
            """, """
              dev: {platform: platform/dev/platform.yaml, preview: none, gates: {requiredStatuses: [ci/image], maxWait: 45m}}
              prod: {platform: platform/prod/platform.yaml}
            publicUrl: https://floe.example.com
            reports: {signingKey: {secret_ref: report-key}, linkTtl: 2d}
            """);

    @Test
    void previewGatesAndReportsBind() {
        GitopsConfig c = ConfigLoaderTest.loaded(YAML, Map.of(), Map.of());

        EnvironmentConfig dev = c.environments().get("dev");
        assertThat(dev.preview()).contains("none");
        assertThat(dev.gates()).contains(new GatesConfig(List.of("ci/image"), Duration.ofMinutes(45)));
        EnvironmentConfig prod = c.environments().get("prod");
        assertThat(prod.preview()).isEmpty();
        assertThat(prod.gates()).isEmpty();
        assertThat(c.publicUrl()).contains("https://floe.example.com");
        assertThat(c.reports()).isEqualTo(new ReportsConfig(Optional.of(new SecretRef("report-key")), Duration.ofDays(2)));
    }

    @Test
    void defaultsAreNoLinkAndSevenDays() {
        GitopsConfig c = ConfigLoaderTest.loaded(ConfigLoaderTest.EXAMPLE, Map.of(), Map.of());
        assertThat(c.reports()).isEqualTo(ReportsConfig.defaults());
        assertThat(c.publicUrl()).isEmpty();
    }

    @Test
    void anUnknownPreviewIsAnErrorWithTheAllowedValues() {
        assertThat(ConfigLoaderTest.errors(YAML.replace("preview: none", "preview: fulll"), Map.of(), Map.of()))
                .anySatisfy(e -> assertThat(e).contains("environments.dev.preview"));
    }
}
