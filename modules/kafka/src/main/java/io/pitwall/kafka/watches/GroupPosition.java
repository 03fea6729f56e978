package io.pitwall.kafka.watches;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a transaction carries to be fenced by the consumer group (KIP-447): the group's metadata as
 * this member last saw it (member id, generation, instance id) and the positions on the watches
 * topic partitions it owns. A commit that sends these offsets fails once the group moved on to a
 * newer generation, so a paused or partitioned-away instance (a zombie) cannot commit after its
 * partitions went to another owner. Immutable; taken on the consumer's thread, read on the
 * publisher's.
 *
 * @param metadata {@code consumer.groupMetadata()} when the snapshot was taken
 * @param offsets the position of each owned partition (empty when it owns none)
 */
public record GroupPosition(
    ConsumerGroupMetadata metadata, Map<TopicPartition, OffsetAndMetadata> offsets) {

  public GroupPosition {
    offsets = Map.copyOf(offsets);
  }

  /** Whether this member owned a partition (of the watches topic) in this snapshot. */
  public boolean owns(int partition) {
    for (TopicPartition owned : offsets.keySet()) {
      if (owned.partition() == partition) {
        return true;
      }
    }
    return false;
  }

  /** The group generation this snapshot belongs to. */
  public int generation() {
    return metadata.generationId();
  }
}
