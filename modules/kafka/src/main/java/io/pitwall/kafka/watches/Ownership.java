package io.pitwall.kafka.watches;

import java.time.Duration;

/**
 * How an instance joins the consumer group that shares the watches topic's partitions.
 *
 * @param groupId the group every instance of the fleet joins ({@code <topic.prefix>engine})
 * @param instanceId this instance's stable id, its static membership ({@code group.instance.id}): a
 *     second instance with the same id takes the membership over and the first is fenced
 * @param sessionTimeout how long the group waits for a silent member before its partitions move
 */
public record Ownership(String groupId, String instanceId, Duration sessionTimeout) {

  public Ownership {
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("a consumer group id is required");
    }
    if (instanceId == null || instanceId.isBlank()) {
      throw new IllegalArgumentException("an instance id is required");
    }
  }
}
