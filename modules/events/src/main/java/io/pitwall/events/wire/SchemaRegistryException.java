package io.pitwall.events.wire;

/** A schema registry refused a request or could not be reached. */
public class SchemaRegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param message what was attempted and what the registry answered
   * @param status the HTTP status, or -1 when the registry could not be reached
   * @param cause the underlying exception, if any
   */
  public SchemaRegistryException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the registry answered, or -1 when it could not be reached. */
  public int status() {
    return status;
  }

  /** True when retrying may help: the registry was unreachable or answered 5xx. */
  public boolean isRetriable() {
    return status < 0 || status >= 500;
  }
}
