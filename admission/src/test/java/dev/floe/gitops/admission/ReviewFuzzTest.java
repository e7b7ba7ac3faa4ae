package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import dev.floe.gitops.runtime.config.AdmissionExemption;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review parsing and verdicts never let an exception escape and never end in anything but a 400 with a
 * message or an AdmissionReview answer (the HTTP layer maps those to 400 and 200; nothing maps to 5xx).
 * The seed corpus under {@code ReviewFuzzTestInputs/reviewNeverFails/} is replayed in every build;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ReviewFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReviewParser PARSER = new ReviewParser();
    private static final ReviewScanner SCANNER = new ReviewScanner(PolicyEngine.defaults(), Duration.ofSeconds(2), System::nanoTime);
    private static final Exemptions EXEMPTIONS = new Exemptions(List.of(new AdmissionExemption(List.of("legacy"), List.of("a*b?"), List.of(), "fuzz")));
    private static final ReviewResponses RESPONSES = new ReviewResponses();

    @FuzzTest(maxDuration = "30s")
    void reviewNeverFails(byte[] body) {
        ParseResult parsed = PARSER.parse(body);
        if (parsed instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.message()).isNotBlank();
            return;
        }
        ReviewRequest request = ((ParseResult.Parsed) parsed).request();
        for (AdmissionConfig.Mode mode : AdmissionConfig.Mode.values()) {
            VerdictPolicy policy = new VerdictPolicy(AdmissionConfig.defaults().withMode(mode));
            ExemptionScope scope = EXEMPTIONS.scopeFor(request);
            ReviewScan scan = VerdictPolicy.needsScan(request) ? SCANNER.scan(request) : ReviewScan.NOT_SCANNED;
            Decision decision = policy.decide(request, scan, scope);
            JsonNode answer = JSON.readTree(RESPONSES.render(request, decision.verdict()));
            assertThat(answer.path("response").path("uid").asString()).isEqualTo(request.uid());
            if (decision.verdict() instanceof Verdict.Deny deny) assertThat(deny.code()).isEqualTo(403);
            for (JsonNode w : answer.path("response").path("warnings")) assertThat(w.asString().length()).isLessThan(120);
        }
    }
}
