package dev.floe.gitops.webhook.event;

/**
 * An {@link EventRecord} field that breaks the record's rules. It carries the field's name so the
 * codec's error can name it; the message never contains the value.
 */
public final class InvalidFieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidFieldException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
