package io.pitwall.app.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * Which instance of the fleet owns each partition of the watches topic now: the members of the
 * consumer group {@code <topic.prefix>engine} and their assignments, as the group coordinator
 * describes them.
 */
final class GroupOwners {

  private GroupOwners() {}

  /**
   * The owner (its {@code instance.id}) of each assigned partition of {@code topic}; empty when no
   * instance runs, or when the group cannot be described (the caller then shows no owners).
   */
  static Map<Integer, String> of(Map<String, Object> adminConfig, String group, String topic) {
    Map<Integer, String> owners = new HashMap<>();
    try (Admin admin = Admin.create(adminConfig)) {
      ConsumerGroupDescription description =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
      for (MemberDescription member : description.members()) {
        String name = member.groupInstanceId().orElse(member.consumerId());
        member.assignment().topicPartitions().stream()
            .filter(p -> p.topic().equals(topic))
            .forEach(p -> owners.put(p.partition(), name));
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      System.err.println("(owners unknown: could not describe the group " + group + ": " + e + ")");
    }
    return owners;
  }
}
