package dev.floe.gitops.webhook.status;

import java.util.Map;

/** One provider call as data, so the mapping of each provider's documented API is testable without a network. */
public record ApiRequest(String method, String path, Map<String, String> headers, String body) {

  public ApiRequest {
    headers = Map.copyOf(headers);
  }

  /** Never prints headers: they carry the token. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
