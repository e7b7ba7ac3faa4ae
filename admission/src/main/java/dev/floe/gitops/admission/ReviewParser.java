package dev.floe.gitops.admission;

import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an AdmissionReview {@code admission.k8s.io/v1} body into a {@link ReviewRequest}. Every problem is a
 * {@link ParseResult.Rejected} with a message naming the field; nothing here throws. Values from the body
 * are never put in messages (the body may be hostile or may hold a secret), only field names and the
 * apiVersions we know.
 */
public final class ReviewParser {

    public static final String API_VERSION = "admission.k8s.io/v1";
    static final String V1BETA1 = "admission.k8s.io/v1beta1";

    /** Kubernetes objects are shallow; a deep body is an attack on the parser or the scanner's recursion. */
    static final int MAX_NESTING = 200;

    private final JsonMapper json;

    public ReviewParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        this.json = JsonMapper.builder(factory).build();
    }

    public ParseResult parse(byte[] body) {
        Object tree;
        try {
            tree = json.readValue(body, Object.class);
        } catch (JacksonException | StackOverflowError e) {
            return reject(body.length == 0 ? "request body is empty; expected an AdmissionReview" : "request body is not valid JSON");
        }
        if (!(tree instanceof Map<?, ?> review)) return reject("request body must be a JSON object (an AdmissionReview)");

        Object apiVersion = review.get("apiVersion");
        if (!(apiVersion instanceof String version)) return reject("apiVersion is missing; expected " + API_VERSION);
        if (version.equals(V1BETA1)) {
            return reject("apiVersion " + V1BETA1 + " is not supported (removed in Kubernetes 1.22); set admissionReviewVersions: [v1]");
        }
        if (!version.equals(API_VERSION)) return reject("apiVersion is not supported; expected " + API_VERSION);
        if (!"AdmissionReview".equals(review.get("kind"))) return reject("kind must be AdmissionReview");

        if (!(review.get("request") instanceof Map<?, ?> request)) return reject("request is missing; expected an AdmissionReview request");
        if (!(request.get("uid") instanceof String uid) || uid.isBlank()) return reject("request.uid is missing");
        if (!(request.get("operation") instanceof String op)) return reject("request.operation is missing");
        ReviewRequest.Operation operation;
        try {
            operation = ReviewRequest.Operation.valueOf(op.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return reject("request.operation must be one of CREATE, UPDATE, DELETE, CONNECT");
        }
        Object object = request.get("object");
        Object oldObject = request.get("oldObject");
        if ((operation == ReviewRequest.Operation.CREATE || operation == ReviewRequest.Operation.UPDATE) && !(object instanceof Map)) {
            return reject("request.object is missing; CREATE and UPDATE carry the object");
        }
        String kind = request.get("kind") instanceof Map<?, ?> k && k.get("kind") instanceof String s ? s : "";
        Map<?, ?> metadata = object instanceof Map<?, ?> o && o.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        String namespace = text(request.get("namespace"), text(metadata.get("namespace"), ""));
        String name = text(request.get("name"), text(metadata.get("name"), text(metadata.get("generateName"), "")));
        boolean dryRun = Boolean.TRUE.equals(request.get("dryRun"));
        return new ParseResult.Parsed(new ReviewRequest(version, uid, operation, kind, text(request.get("subResource"), ""),
                namespace, name, dryRun, object, oldObject));
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isEmpty() ? s : fallback;
    }

    private static ParseResult reject(String message) {
        return new ParseResult.Rejected(message);
    }
}
