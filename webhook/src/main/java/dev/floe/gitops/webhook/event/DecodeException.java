package dev.floe.gitops.webhook.event;

/**
 * A byte sequence that is not a valid event record. The only exception {@link
 * EventRecordCodec#decode(byte[])} throws: a consumer sends such a record to the dead-letter topic
 * with this message, so the message names the field and never echoes the field's value (a record
 * could carry anything).
 */
public final class DecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String field;

  public DecodeException(String field, String problem) {
    super(field == null ? problem : "field '" + field + "': " + problem);
    this.field = field;
  }

  public DecodeException(String field, String problem, Throwable cause) {
    this(field, problem);
    initCause(cause);
  }

  /** The JSON field at fault, or null when the document as a whole is broken. */
  public String field() {
    return field;
  }
}
