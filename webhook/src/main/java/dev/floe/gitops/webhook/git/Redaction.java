package dev.floe.gitops.webhook.git;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of messages. JGit's transport errors name the URI; configured URLs carry no credentials
 * (they are rejected at start), but a message may still quote one a host sent back, so every text that leaves the
 * worker passes through here.
 */
public final class Redaction {
  private static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

  private Redaction() {}

  /** The message of a failure with any {@code scheme://user:secret@} reduced to {@code scheme://***@}. */
  public static String message(Throwable t) {
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return redact(text);
  }

  public static String redact(String text) {
    return text == null ? "" : USERINFO.matcher(text).replaceAll("$1***@");
  }
}
