package dev.floe.gitops.runtime.http;

import io.vertx.core.json.JsonObject;

/** The one error body of every floe-gitops server: {@code {"error":{"code":"...","message":"..."}}}. */
public record HttpError(String code, String message) {

    public JsonObject toJson() {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    }

    /** A generic error for a bare status (routing failures such as 404 and 405). */
    public static HttpError forStatus(int status) {
        switch (status) {
            case 400: return new HttpError("bad_request", "bad request");
            case 401: return new HttpError("unauthorized", "unauthorized");
            case 403: return new HttpError("forbidden", "forbidden");
            case 404: return new HttpError("not_found", "no such resource");
            case 405: return new HttpError("method_not_allowed", "method not allowed");
            case 413: return new HttpError("payload_too_large", "request body too large");
            case 415: return new HttpError("unsupported_media_type", "unsupported content type");
            case 503: return new HttpError("unavailable", "service unavailable");
            default: return status >= 500 ? new HttpError("internal_error", "internal error") : new HttpError("error", "request failed");
        }
    }
}
