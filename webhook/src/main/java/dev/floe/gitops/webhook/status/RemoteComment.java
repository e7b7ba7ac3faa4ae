package dev.floe.gitops.webhook.status;

/** A comment already on the pull request, as far as finding ours again needs it. */
public record RemoteComment(String id, String body) {}
