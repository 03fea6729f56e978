package io.pitwall.kafka.publish;

import java.time.Duration;
import java.util.Map;

/**
 * How the transactional publisher connects and behaves.
 *
 * @param producerConfig client settings (bootstrap servers, security, pass-through {@code
 *     kafka.*}), without serializers, transactional id or the timeouts the publisher sets itself
 * @param transactionalId this instance's transactional id (stable across restarts)
 * @param stateTopic the compacted state topic
 * @param statePartitions its partition count: a state record goes to its watch's partition ({@link
 *     io.pitwall.kafka.watches.WatchPartitioner})
 * @param pauseBeforeCommit fault injection for crash tests: time to wait between sending and
 *     committing (zero in production)
 * @param unsafeSplitTransactions fault injection for the chaos harness's checker only: commit the
 *     events and, about a second later, the states in separate transactions, which breaks
 *     exactly-once on a crash (false in production)
 * @param linger how long the publisher, once free, waits for more poll results to join a
 *     transaction before it begins it ({@link #DEFAULT_LINGER} unless set): polls that finish a few
 *     milliseconds apart then share one commit instead of paying one each, at the cost of at most
 *     this much latency per poll; zero commits whatever is waiting at once
 * @param lingerBatches how many batches end the linger early: the polls that can be in flight at
 *     once (the engine's {@code poll.concurrency}), since once every one of them has reported no
 *     other can join; {@link #UNBOUNDED} lingers until the transaction is full or the linger over
 */
public record PublisherSettings(
    Map<String, Object> producerConfig,
    String transactionalId,
    String stateTopic,
    int statePartitions,
    Duration pauseBeforeCommit,
    boolean unsafeSplitTransactions,
    Duration linger,
    int lingerBatches) {

  /** A {@link #lingerBatches()} that never ends the linger early. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** The linger of {@link #of} and of the constructor without one. */
  public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);

  public PublisherSettings {
    producerConfig = Map.copyOf(producerConfig);
    if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("publisher linger " + linger + " is not 0 to 1 s");
    }
    if (lingerBatches < 1) {
      throw new IllegalArgumentException("publisher lingerBatches " + lingerBatches + " < 1");
    }
  }

  /** Settings with the {@link #DEFAULT_LINGER}. */
  public PublisherSettings(
      Map<String, Object> producerConfig,
      String transactionalId,
      String stateTopic,
      int statePartitions,
      Duration pauseBeforeCommit,
      boolean unsafeSplitTransactions) {
    this(
        producerConfig,
        transactionalId,
        stateTopic,
        statePartitions,
        pauseBeforeCommit,
        unsafeSplitTransactions,
        DEFAULT_LINGER,
        UNBOUNDED);
  }

  /**
   * These settings with another {@link #linger()}, ended early by {@code batches} (the polls in
   * flight at once).
   */
  public PublisherSettings withLinger(Duration linger, int batches) {
    return new PublisherSettings(
        producerConfig,
        transactionalId,
        stateTopic,
        statePartitions,
        pauseBeforeCommit,
        unsafeSplitTransactions,
        linger,
        batches);
  }

  /** Production settings for a state topic of one partition: no fault injection. */
  public static PublisherSettings of(
      Map<String, Object> producerConfig, String transactionalId, String stateTopic) {
    return new PublisherSettings(
        producerConfig,
        transactionalId,
        stateTopic,
        1,
        Duration.ZERO,
        false,
        DEFAULT_LINGER,
        UNBOUNDED);
  }
}
