package io.pitwall.events.wire;

/** A record does not match its own schema; the message names the offending field. */
public class InvalidEventException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which field is wrong and why
   */
  public InvalidEventException(String message) {
    super(message);
  }
}
