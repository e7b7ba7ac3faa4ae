package dev.floe.gitops.runtime.config;

/** A name and e-mail written into Git commits. */
public record GitIdentity(String name, String email) {}
