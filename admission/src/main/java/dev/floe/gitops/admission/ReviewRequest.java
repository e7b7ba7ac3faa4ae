package dev.floe.gitops.admission;

/**
 * The parts of an AdmissionReview v1 request this webhook uses. {@code object} and {@code oldObject} are
 * plain JSON trees (Map, List, String, Number, Boolean, null): every kind is scanned the same way, CRDs
 * included, so nothing is bound to a typed model.
 *
 * @param kind {@code request.kind.kind}, e.g. Deployment ("" when absent)
 * @param namespace the request's namespace, or the object's ("" for cluster-scoped objects)
 * @param name the object's name, or its generateName prefix on CREATE ("" when unknown)
 */
public record ReviewRequest(
        String apiVersion,
        String uid,
        Operation operation,
        String kind,
        String subResource,
        String namespace,
        String name,
        boolean dryRun,
        Object object,
        Object oldObject) {

    /** AdmissionReview operations; DELETE and CONNECT are always allowed. */
    public enum Operation { CREATE, UPDATE, DELETE, CONNECT }
}
