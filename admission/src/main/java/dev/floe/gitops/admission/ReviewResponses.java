package dev.floe.gitops.admission;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the AdmissionReview response: the outer {@code apiVersion}/{@code kind} match the request,
 * {@code response.uid} echoes {@code request.uid}.
 */
public final class ReviewResponses {

    private final JsonMapper json = JsonMapper.builder().build();

    public byte[] render(ReviewRequest request, Verdict verdict) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("uid", request.uid());
        response.put("allowed", !(verdict instanceof Verdict.Deny));
        if (verdict instanceof Verdict.Deny d) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("code", d.code());
            status.put("message", d.message());
            response.put("status", status);
            if (!d.warnings().isEmpty()) response.put("warnings", d.warnings());
        } else if (verdict instanceof Verdict.Warn w && !w.warnings().isEmpty()) {
            response.put("warnings", w.warnings());
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("apiVersion", request.apiVersion());
        review.put("kind", "AdmissionReview");
        review.put("response", response);
        return json.writeValueAsBytes(review);
    }
}
