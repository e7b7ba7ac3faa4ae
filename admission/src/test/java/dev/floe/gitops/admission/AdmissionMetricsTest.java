package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AdmissionMetricsTest {

    @Test
    void kindLabelsAreBoundedInShapeAndNumber() {
        AdmissionMetrics metrics = new AdmissionMetrics(new SimpleMeterRegistry());
        assertThat(metrics.kindLabel("Deployment")).isEqualTo("Deployment");
        assertThat(metrics.kindLabel("")).isEqualTo("unknown");
        assertThat(metrics.kindLabel("not a kind")).isEqualTo("other");
        for (int i = 0; i < AdmissionMetrics.MAX_KINDS * 2; i++) metrics.kindLabel("Invented" + i);
        assertThat(metrics.kindLabel("Deployment")).isEqualTo("Deployment");
        assertThat(metrics.kindLabel("YetAnotherKind")).isEqualTo("other");
    }
}
