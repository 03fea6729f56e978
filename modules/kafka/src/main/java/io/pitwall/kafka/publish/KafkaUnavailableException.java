package io.pitwall.kafka.publish;

/**
 * A batch's transaction did not commit as far as the publisher could tell, because Kafka could not
 * be reached or the transaction failed. Its outcome is settled all the same: the publisher aborted
 * it, or re-created its producer (which completes or aborts the open transaction) and re-read the
 * state topic, so the state store shows exactly what is committed. Retriable: poll the watches
 * again once Kafka is back; nothing is lost and, since the prior states are the committed ones,
 * nothing is detected twice.
 */
public final class KafkaUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed (never a credential)
   * @param cause the Kafka client's exception
   */
  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
