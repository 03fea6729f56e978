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
 */
public record PublisherSettings(
    Map<String, Object> producerConfig,
    String transactionalId,
    String stateTopic,
    int statePartitions,
    Duration pauseBeforeCommit,
    boolean unsafeSplitTransactions) {

  public PublisherSettings {
    producerConfig = Map.copyOf(producerConfig);
  }

  /** Production settings for a state topic of one partition: no fault injection. */
  public static PublisherSettings of(
      Map<String, Object> producerConfig, String transactionalId, String stateTopic) {
    return new PublisherSettings(
        producerConfig, transactionalId, stateTopic, 1, Duration.ZERO, false);
  }
}
