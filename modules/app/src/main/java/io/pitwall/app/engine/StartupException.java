package io.pitwall.app.engine;

/**
 * Kafka or the schema registry did not answer (or refused Pitwall's login) when the engine started.
 * Its message is one sentence for the operator: which setting, which address, how long the engine
 * waited; {@code run} prints it and exits with code 1, without a stack trace.
 */
public final class StartupException extends RuntimeException {

  /**
   * @param message the operator's sentence (never a secret)
   */
  public StartupException(String message) {
    super(message, null, false, false);
  }
}
