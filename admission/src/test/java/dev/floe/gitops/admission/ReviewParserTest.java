package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ReviewParserTest {

    private final ReviewParser parser = new ReviewParser();

    private ParseResult parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheFieldsTheWebhookUses() {
        ParseResult r = parse("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"abc\","
                + "\"kind\":{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"},\"operation\":\"UPDATE\",\"dryRun\":true,"
                + "\"subResource\":\"scale\",\"object\":{\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"}},\"oldObject\":{}}}");
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        ReviewRequest req = ((ParseResult.Parsed) r).request();
        assertThat(req.uid()).isEqualTo("abc");
        assertThat(req.kind()).isEqualTo("Deployment");
        assertThat(req.operation()).isEqualTo(ReviewRequest.Operation.UPDATE);
        assertThat(req.dryRun()).isTrue();
        assertThat(req.subResource()).isEqualTo("scale");
        assertThat(req.namespace()).isEqualTo("shop");
        assertThat(req.name()).isEqualTo("web");
    }

    @Test
    void theRequestsNamespaceWinsOverTheObjects() {
        ParseResult r = parse("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"abc\",\"namespace\":\"shop\","
                + "\"operation\":\"CREATE\",\"object\":{\"metadata\":{\"generateName\":\"job-\",\"namespace\":\"kube-system\"}}}}");
        ReviewRequest req = ((ParseResult.Parsed) r).request();
        assertThat(req.namespace()).isEqualTo("shop");
        assertThat(req.name()).isEqualTo("job-");
    }

    @Test
    void messagesNeverEchoTheBody() {
        ParseResult r = parse("{\"apiVersion\":\"ghp_FAKEPLyiccb7oCnlV5mus47TcZ57xH092Bzw\",\"kind\":\"AdmissionReview\"}");
        assertThat(((ParseResult.Rejected) r).message()).doesNotContain("ghp_");
    }
}
