package dev.floe.gitops.runtime.logging;

/** One JSON object per line for machines, or a readable line for people (the {@code local} profile). */
public enum LogFormat { JSON, TEXT }
