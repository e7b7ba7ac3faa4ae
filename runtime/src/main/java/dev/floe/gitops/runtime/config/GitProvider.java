package dev.floe.gitops.runtime.config;

public enum GitProvider { GITHUB, GITLAB, GITEA, BITBUCKET }
