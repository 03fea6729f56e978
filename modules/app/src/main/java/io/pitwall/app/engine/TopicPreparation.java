package io.pitwall.app.engine;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.kafka.publish.TopicAdmin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies Pitwall's topics at start: creates them (or, with {@code topics.create=false}, checks
 * that they exist as they must), then checks that the state topic is co-partitioned with the
 * watches topic. Every refusal ends the start with the operator's sentence.
 */
final class TopicPreparation {

  private static final Logger LOG = LoggerFactory.getLogger(TopicPreparation.class);

  private TopicPreparation() {}

  /**
   * Creates or checks the topics.
   *
   * @param eventTopics the event and dead-letter topics
   * @return the partition count of the watches and state topics
   * @throws StartupException naming what is wrong
   */
  static int prepare(
      PitwallConfig config,
      Map<String, Object> adminConfig,
      List<String> eventTopics,
      Duration startup) {
    String prefix = config.string(PitwallSettings.TOPIC_PREFIX);
    createOrVerify(
        config,
        adminConfig,
        List.of(prefix + "state", prefix + "watches", prefix + "fleet"),
        eventTopics,
        startup);
    return checkCoPartitioned(config, adminConfig, prefix, startup);
  }

  /** Creates or checks the topics; a refusal ends the start with the operator's sentence. */
  private static void createOrVerify(
      PitwallConfig config,
      Map<String, Object> adminConfig,
      List<String> compacted,
      List<String> eventTopics,
      Duration startup) {
    List<String> problems;
    try {
      if (config.value(PitwallSettings.TOPICS_CREATE, Boolean.class)) {
        TopicAdmin.ensure(
            adminConfig,
            compacted,
            config.integer(PitwallSettings.WATCHES_PARTITIONS),
            eventTopics,
            startup);
        return;
      }
      problems = TopicAdmin.verify(adminConfig, compacted, eventTopics, startup);
    } catch (IllegalStateException e) {
      throw new StartupException(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new StartupException(
          "Pitwall's topics are not ready (topics.create=false): "
              + String.join("; ", problems)
              + ". Create them as the README's 'Secured clusters' section shows.");
    }
  }

  /**
   * Checks that the state topic is co-partitioned with the watches topic; a difference ends the
   * start naming both counts and the fix.
   *
   * @return the partition count of both
   */
  private static int checkCoPartitioned(
      PitwallConfig config, Map<String, Object> adminConfig, String prefix, Duration startup) {
    String watches = prefix + "watches";
    String state = prefix + "state";
    Map<String, Integer> counts;
    try {
      counts = TopicAdmin.partitionCounts(adminConfig, List.of(watches, state), startup);
    } catch (IllegalStateException e) {
      throw new StartupException(e.getMessage());
    }
    String problem =
        TopicAdmin.coPartitioningProblem(watches, counts.get(watches), state, counts.get(state));
    if (problem != null) {
      throw new StartupException(problem);
    }
    int configured = config.integer(PitwallSettings.WATCHES_PARTITIONS);
    if (counts.get(watches) != configured) {
      LOG.warn(
          "{} and {} have {} partitions; watches.partitions={} applies only when Pitwall creates"
              + " them (see the README's 'Partitions')",
          watches,
          state,
          counts.get(watches),
          configured);
    }
    return counts.get(state);
  }
}
