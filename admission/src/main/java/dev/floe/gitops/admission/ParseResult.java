package dev.floe.gitops.admission;

/** What {@link ReviewParser} made of a body: a request, or the problem to answer with 400. */
public sealed interface ParseResult {

    record Parsed(ReviewRequest request) implements ParseResult {}

    /** {@code message} names the problem and never echoes the body. */
    record Rejected(String message) implements ParseResult {}
}
