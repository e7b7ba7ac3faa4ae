package dev.floe.gitops.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** environments.<env>.platformRepository: the platform path is inside that repository, not on local disk. */
class PlatformRepositoryConfigTest {

    private static String with(String dev) {
        return ConfigLoaderTest.EXAMPLE.replace("dev: {platform: platform/dev/platform.yaml}", "dev: " + dev);
    }

    @Test
    void thePathStaysRelativeToTheRepositoryAndTheBranchDefaultsToMain() {
        EnvironmentConfig dev = ConfigLoaderTest.loaded(with(
                "{platform: ./platform/dev/platform.yaml, platformRepository: 'https://git.example.com/acme/platform.git'}"),
                Map.of(), Map.of()).environments().get("dev");

        assertThat(dev.platform()).isEqualTo(Path.of("platform/dev/platform.yaml"));
        assertThat(dev.platformRepository()).contains("https://git.example.com/acme/platform.git");
        assertThat(dev.platformBranch()).isEqualTo("main");
    }

    @Test
    void theBranchCanBeChosen() {
        EnvironmentConfig dev = ConfigLoaderTest.loaded(with(
                "{platform: dev.yaml, platformRepository: 'https://git.example.com/p.git', platformBranch: release}"),
                Map.of(), Map.of()).environments().get("dev");
        assertThat(dev.platformBranch()).isEqualTo("release");
    }

    @Test
    void aPathLeavingTheRepositoryIsAnError() {
        assertThat(ConfigLoaderTest.errors(with("{platform: ../secrets/platform.yaml, platformRepository: 'https://x/p.git'}"),
                Map.of(), Map.of())).anySatisfy(e -> assertThat(e).contains("environments.dev.platform").contains("inside"));
        assertThat(ConfigLoaderTest.errors(with("{platform: /etc/platform.yaml, platformRepository: 'https://x/p.git'}"),
                Map.of(), Map.of())).anySatisfy(e -> assertThat(e).contains("environments.dev.platform"));
    }
}
