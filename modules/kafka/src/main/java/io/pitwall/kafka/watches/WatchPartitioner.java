package io.pitwall.kafka.watches;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition a watch lives on, in the watches topic and, co-partitioned, in the state topic: the
 * same number Kafka's default partitioner gives a record with the watch's key ({@code
 * toPositive(murmur2(key)) % partitions}), so that a watch written by any Kafka tool with the
 * default partitioner and its state written by Pitwall meet on the same partition. Pitwall sets the
 * partition of what it writes explicitly with it, never relying on a client's default.
 */
public final class WatchPartitioner {

  private WatchPartitioner() {}

  /**
   * The partition of a key.
   *
   * @param key the record key, {@code <source>:<accountId>}
   * @param partitions the topic's partition count, at least 1
   */
  public static int partition(String key, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
    }
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * The partition of a state-topic record, co-located with the watch it belongs to: a watch's state
   * ({@code <source>:<accountId>}) and its status ({@code status/<source>:<accountId>}) on the
   * watch's partition; a dead-letter mark of a watches-topic record ({@code
   * dlq/<topic>/<partition>/<offset>}) on that record's partition. Account ids never contain '/',
   * so the watch key is what follows the last '/'.
   */
  public static int ofStateKey(String stateKey, int partitions) {
    if (stateKey.startsWith(DeadLetterQueue.MARK_PREFIX)) {
      String[] parts = stateKey.split("/");
      if (parts.length >= 4 && parts[parts.length - 2].matches("[0-9]{1,9}")) {
        return Integer.parseInt(parts[parts.length - 2]) % partitions;
      }
      return partition(stateKey, partitions);
    }
    return partition(stateKey.substring(stateKey.lastIndexOf('/') + 1), partitions);
  }
}
