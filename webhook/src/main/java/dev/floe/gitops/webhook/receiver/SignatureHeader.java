package dev.floe.gitops.webhook.receiver;

/**
 * What a delivery presents as proof, before any secret is looked at: nothing, something in a form
 * we do not accept (SHA-1, an unknown prefix), or a value to check against the candidate secrets.
 */
public sealed interface SignatureHeader {

  record Absent(String expectedHeader) implements SignatureHeader {}

  /** A safe description of what is wrong with the form, never the presented value. */
  record Unsupported(String reason) implements SignatureHeader {}

  record Present(String value) implements SignatureHeader {}
}
