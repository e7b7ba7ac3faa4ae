package dev.floe.gitops.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.secrets.SecretRef;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** worker.signing: the key (and passphrase) of deploy-commit signatures, by reference only. */
class SigningConfigTest {

    private static String with(String signing) {
        return ConfigLoaderTest.EXAMPLE + "worker:\n  signing: " + signing + "\n";
    }

    @Test
    void signingBindsItsReferences() {
        GitopsConfig c = ConfigLoaderTest.loaded(with(
                "{key: {secret_ref: deploy-signing-key}, passphrase: {secret_ref: deploy-signing-passphrase}}"), Map.of(), Map.of());

        assertThat(c.worker().signing()).contains(new SigningConfig("ssh", new SecretRef("deploy-signing-key"),
                Optional.of(new SecretRef("deploy-signing-passphrase"))));
    }

    @Test
    void withoutSigningDeployCommitsAreUnsigned() {
        assertThat(ConfigLoaderTest.loaded(ConfigLoaderTest.EXAMPLE, Map.of(), Map.of()).worker().signing()).isEmpty();
    }

    @Test
    void aSigningSectionWithoutKeyOrWithAnUnknownFormatIsAnError() {
        assertThat(ConfigLoaderTest.errors(with("{format: ssh}"), Map.of(), Map.of()))
                .anySatisfy(e -> assertThat(e).contains("worker.signing.key"));
        assertThat(ConfigLoaderTest.errors(with("{format: x509, key: {secret_ref: k}}"), Map.of(), Map.of()))
                .anySatisfy(e -> assertThat(e).contains("worker.signing.format").contains("ssh"));
    }

    @Test
    void anInlineKeyIsRefusedWithoutEchoingIt() {
        String inline = "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ";
        assertThat(ConfigLoaderTest.errors(with("{key: \"" + inline + "\"}"), Map.of(), Map.of()))
                .anySatisfy(e -> assertThat(e).contains("worker.signing.key"))
                .allSatisfy(e -> assertThat(e).doesNotContain("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"));
    }
}
