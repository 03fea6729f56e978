package io.pitwall.bench.perf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the benchmarks' topics on the benchmark broker. */
final class PerfTopics {

  /** Partitions of every benchmark topic. */
  static final int PARTITIONS = 6;

  private PerfTopics() {}

  /** Creates topics with {@link #PARTITIONS} partitions; compacted ones for states. */
  static void create(String bootstrap, List<String> plain, List<String> compacted)
      throws InterruptedException, ExecutionException {
    create(bootstrap, plain, compacted, PARTITIONS);
  }

  /** Creates topics with {@code partitions} partitions; compacted ones for states. */
  static void create(String bootstrap, List<String> plain, List<String> compacted, int partitions)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = new java.util.ArrayList<>();
      plain.forEach(t -> topics.add(new NewTopic(t, partitions, (short) 1)));
      compacted.forEach(
          t ->
              topics.add(
                  new NewTopic(t, partitions, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT))));
      admin.createTopics(topics).all().get();
    }
  }
}
