package io.pitwall.kafka.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Pitwall's topics when they are missing, with the broker's default partitions and
 * replication unless configured: compacted ones (state, watches) and event topics.
 */
public final class TopicAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /**
   * Ensures the topics exist.
   *
   * @param adminConfig client settings
   * @param compacted topics to create with {@code cleanup.policy=compact} and {@code
   *     compactedPartitions} partitions (the co-partitioned watches and state topics)
   * @param compactedPartitions their partition count
   * @param plain topics to create with the broker's defaults
   * @param timeout how long it may take
   */
  public static void ensure(
      Map<String, Object> adminConfig,
      Collection<String> compacted,
      int compactedPartitions,
      Collection<String> plain,
      Duration timeout) {
    List<String> names = List.of();
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : compacted) {
        if (!existing.contains(topic)) {
          missing.add(
              new NewTopic(topic, Optional.of(compactedPartitions), Optional.empty())
                  .configs(
                      Map.of(
                          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
      }
      for (String topic : plain) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, Optional.empty(), Optional.empty()));
        }
      }
      if (!missing.isEmpty()) {
        names = missing.stream().map(NewTopic::name).toList();
        admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Created topics {}", names);
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthorizationException refused) {
        throw new IllegalStateException(creationRefused(names, refused));
      }
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException(
            "Could not create Pitwall's topics: " + e.getCause(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within " + timeout + " while creating topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }

  /**
   * The partition count of each topic.
   *
   * @throws IllegalStateException when Kafka does not answer in time or a topic is missing
   */
  public static Map<String, Integer> partitionCounts(
      Map<String, Object> adminConfig, Collection<String> topics, Duration timeout) {
    try (Admin admin = Admin.create(adminConfig)) {
      Map<String, Integer> counts = new java.util.LinkedHashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .forEach((name, description) -> counts.put(name, description.partitions().size()));
      return counts;
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Could not describe Pitwall's topics " + topics + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within " + timeout + " while describing topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while describing topics", e);
    }
  }

  /**
   * Checks that the state topic is co-partitioned with the watches topic.
   *
   * @return null when their counts agree, else the operator's sentence naming both counts and the
   *     fix
   */
  public static String coPartitioningProblem(
      String watchesTopic, int watchesPartitions, String stateTopic, int statePartitions) {
    if (watchesPartitions == statePartitions) {
      return null;
    }
    return watchesTopic
        + " has "
        + watchesPartitions
        + " partitions but "
        + stateTopic
        + " has "
        + statePartitions
        + ": the state topic must be co-partitioned with the watches topic (a watch's state lives"
        + " on its watch's partition). Give both the same count (see the README's 'Partitions'"
        + " for moving a 0.1 deployment to more partitions)";
  }

  /** The operator's sentence for a cluster that does not let Pitwall create its topics. */
  static String creationRefused(List<String> topics, AuthorizationException refused) {
    return "Kafka refused to create Pitwall's topics "
        + topics
        + " ("
        + refused.getClass().getSimpleName()
        + "): grant the principal CREATE on them (see the README's 'Secured clusters' ACLs), or"
        + " create them yourself and set topics.create=false";
  }

  /**
   * Checks, without creating anything, that the topics exist and that the compacted ones are
   * compacted (for clusters where Pitwall may not create topics).
   *
   * @return what is missing or wrong, one sentence per topic; empty when all is well
   */
  public static List<String> verify(
      Map<String, Object> adminConfig,
      Collection<String> compacted,
      Collection<String> plain,
      Duration timeout) {
    List<String> problems = new ArrayList<>();
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<String> missing = new ArrayList<>();
      List<org.apache.kafka.common.config.ConfigResource> toDescribe = new ArrayList<>();
      for (String topic : compacted) {
        if (existing.contains(topic)) {
          toDescribe.add(
              new org.apache.kafka.common.config.ConfigResource(
                  org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic));
        } else {
          missing.add(topic + " (compacted)");
        }
      }
      for (String topic : plain) {
        if (!existing.contains(topic)) {
          missing.add(topic);
        }
      }
      if (!missing.isEmpty()) {
        problems.add("missing topics: " + String.join(", ", missing));
      }
      if (!toDescribe.isEmpty()) {
        admin
            .describeConfigs(toDescribe)
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .forEach(
                (resource, config) -> {
                  var policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
                  if (policy == null
                      || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    problems.add(
                        resource.name()
                            + " must have cleanup.policy=compact (it has "
                            + (policy == null ? "none" : policy.value())
                            + ")");
                  }
                });
      }
      return problems;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthorizationException refused) {
        throw new IllegalStateException(
            "Kafka refused to describe Pitwall's compacted topics ("
                + refused.getClass().getSimpleName()
                + "): grant the principal DESCRIBE_CONFIGS on them (see the README's 'Secured"
                + " clusters' ACLs)");
      }
      throw new IllegalStateException(
          "Could not check Pitwall's topics: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within " + timeout + " while checking topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking topics", e);
    }
  }
}
