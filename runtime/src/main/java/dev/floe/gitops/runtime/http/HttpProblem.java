package dev.floe.gitops.runtime.http;

/**
 * An expected failure with a status and a message that is safe to send to the client (it names fields
 * or limits, never values). Thrown by handlers or passed to {@code ctx.fail}; {@link ErrorMapping}
 * answers it with {@link HttpError}. Anything else becomes a generic 500.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public HttpProblem(int status, String code, String message) {
        super(message, null, false, false); // an outcome, not a bug: no stack trace to fill
        this.status = status;
        this.code = code;
    }

    public int status() { return status; }

    public String code() { return code; }

    public HttpError toError() { return new HttpError(code, getMessage()); }

    public static HttpProblem badRequest(String message) { return new HttpProblem(400, "bad_request", message); }

    public static HttpProblem unauthorized(String message) { return new HttpProblem(401, "unauthorized", message); }

    public static HttpProblem forbidden(String message) { return new HttpProblem(403, "forbidden", message); }

    public static HttpProblem payloadTooLarge(long limit) {
        return new HttpProblem(413, "payload_too_large", "request body is larger than " + limit + " bytes");
    }

    public static HttpProblem unsupportedMediaType(String message) { return new HttpProblem(415, "unsupported_media_type", message); }

    public static HttpProblem unavailable(String message) { return new HttpProblem(503, "unavailable", message); }
}
