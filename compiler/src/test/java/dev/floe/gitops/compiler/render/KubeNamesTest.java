package dev.floe.gitops.compiler.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeNamesTest {
    @Test
    void foldsToLowerCaseWithDashes() {
        assertThat(KubeNames.fold("Sales_Analytics")).isEqualTo("sales-analytics");
    }

    @Test
    void shortensLongNamesTo54CharactersPlusAHashSuffix() {
        String longName = "a".repeat(70);
        String folded = KubeNames.fold(longName);
        assertThat(folded).hasSize(63).startsWith("a".repeat(54) + "-");
        assertThat(folded.substring(55)).matches("[0-9a-f]{8}");
        assertThat(KubeNames.fold("a".repeat(63))).isEqualTo("a".repeat(63));
        assertThat(KubeNames.fold("a".repeat(69) + "b")).isNotEqualTo(folded);
    }
}
