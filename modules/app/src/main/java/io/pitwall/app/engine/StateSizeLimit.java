package io.pitwall.app.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The largest state record Kafka takes from Pitwall: the producer refuses a record whose serialized
 * size exceeds {@code max.request.size}, and checks it before compression, so compressing does not
 * help. A state past the limit would fail its watch's every transaction; instead the watch is
 * reported (UPSTREAM_ERROR with the sizes, a metric) and its other watches' results still commit.
 */
final class StateSizeLimit {

  /** Room for the record's framing, timestamps and headers in Kafka's size estimate. */
  static final int OVERHEAD = 128;

  private final int maxRequestSize;

  /**
   * @param maxRequestSize the producer's {@code max.request.size}
   */
  StateSizeLimit(int maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  /** The limit of a producer configured with these settings (Kafka's default: 1 MiB). */
  static StateSizeLimit of(Map<String, Object> producerConfig) {
    Object configured = producerConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    return new StateSizeLimit(
        configured == null ? 1_048_576 : Integer.parseInt(String.valueOf(configured)));
  }

  /** Why this state cannot be stored, or null when it fits. */
  String violation(String key, byte[] state) {
    long size = (long) key.getBytes(StandardCharsets.UTF_8).length + state.length + OVERHEAD;
    if (size <= maxRequestSize) {
      return null;
    }
    return "its state record ("
        + size
        + " bytes) exceeds the producer's max.request.size ("
        + maxRequestSize
        + " bytes) and cannot be stored; its changes are not published until it fits";
  }
}
