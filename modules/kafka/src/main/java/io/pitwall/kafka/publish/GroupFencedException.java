package io.pitwall.kafka.publish;

/**
 * A transaction was refused because the consumer group moved on (KIP-447): the group metadata it
 * carried is of an older generation, or another member took this instance's id, so its partitions
 * may already belong to another instance. The transaction was aborted; nothing of it is visible to
 * {@code read_committed} readers, and the new owner polls those watches again from their committed
 * states, so nothing is lost or published twice. Not a Kafka outage: the consumer rejoins the
 * group.
 */
public final class GroupFencedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was refused
   * @param cause the Kafka client's exception (CommitFailedException, FencedInstanceIdException, …)
   */
  public GroupFencedException(String message, Throwable cause) {
    super(message, cause);
  }
}
