package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompileInputsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void namesFloeYamlAndEveryDbtProjectFolderOnce() {
        CompileInputs in = CompileInputs.of(b("""
                name: x
                version: "1.0.0"
                transforms:
                  - {name: a, project: ./sales_dbt/}
                  - {name: b, project: sales_dbt}
                  - {name: c, project: other}
                """));
        assertThat(in.paths()).containsExactly("floe.yaml", "other", "sales_dbt");
        assertThat(in.wholeTree()).isFalse();
    }

    @Test
    void dependsOnTheWholeTreeWhenTheImageUsesTheSourceSha() {
        assertThat(CompileInputs.of(b("name: x\nimage: ghcr.io/a/b:${SOURCE_SHA}\n")).wholeTree()).isTrue();
        assertThat(CompileInputs.of(b("name: x\nimage: ghcr.io/a/b:1.0\n")).wholeTree()).isFalse();
    }

    @Test
    void fallsBackToFloeYamlForUnreadableInputAndNeverThrows() {
        assertThat(CompileInputs.of(b("a: [")).paths()).containsExactly("floe.yaml");
        assertThat(CompileInputs.of(new byte[] {(byte) 0xff}).paths()).containsExactly("floe.yaml");
        assertThat(CompileInputs.of(null).paths()).containsExactly("floe.yaml");
        assertThat(CompileInputs.of(b("- a\n- b\n")).paths()).containsExactly("floe.yaml");
        assertThat(CompileInputs.of(b("transforms: [{project: ../../etc}]\n")).paths()).containsExactly("floe.yaml");
    }
}
