package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The compiler handles references only: no test secret value, and no Secret object, ever lands in a rendered tree. */
class SecretHygieneTest {
    @Test
    void noTestSecretValueAppearsInAnyRenderedTree() throws IOException {
        Properties secrets = new Properties();
        secrets.load(new StringReader(Files.readString(Fixtures.resources().resolve("fixtures/test-secrets.properties"))));
        assertThat(secrets).isNotEmpty();
        for (String repo : Fixtures.SAMPLE_REPOS) {
            for (String env : Fixtures.ENVIRONMENTS) {
                Fixtures.compileSample(repo, env).tree().files().forEach((file, bytes) -> {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    for (String value : secrets.stringPropertyNames().stream().map(secrets::getProperty).toList()) {
                        assertThat(text).as(repo + "/" + env + "/" + file).doesNotContain(value);
                    }
                    assertThat(text).as(file).doesNotContainPattern("(?m)^kind: Secret$");
                });
            }
        }
    }

    @Test
    void renderedTreesNameSecretsOnlyAsReferences() {
        RenderedTree tree = Fixtures.compileSample("marketing-attribution", "local").tree();
        String deployment = new String(tree.files().get("manifests/deployment-marketing-attribution-code-location.yaml"),
                StandardCharsets.UTF_8);
        assertThat(deployment).contains("secretKeyRef:").doesNotContain("stringData").doesNotContain("\ndata:");
    }
}
