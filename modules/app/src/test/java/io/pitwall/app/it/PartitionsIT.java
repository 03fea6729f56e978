package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.Pitwall;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.app.engine.StartupException;
import io.pitwall.kafka.watches.WatchPartitioner;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The watches and state topics are co-partitioned: created with {@code watches.partitions}
 * partitions, a watch's record and its state on the same partition number, and a start refused with
 * both counts named when the two topics disagree.
 */
class PartitionsIT {

  @Test
  void shouldCreateBothTopicsWithTheConfiguredCountAndKeepEachStateOnItsWatchsPartition()
      throws Exception {
    String prefix = "parts-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String key = "psn:" + TrophyScenarios.ACCOUNT;
    try (Simulator simulator =
            Simulator.start(TrophyScenarios.world(now()), PsnSimulatorConfig.defaults(), clock());
        Engine engine = Engine.start(PitwallConfig.of(settings(simulator, prefix)))) {
      assertThat(partitions(prefix + "watches")).isEqualTo(5);
      assertThat(partitions(prefix + "state")).isEqualTo(5);

      int added =
          new CommandLine(new Pitwall())
              .execute(
                  "watch",
                  "add",
                  key,
                  "--bootstrap-servers",
                  TestKafka.bootstrapServers(),
                  "--topic-prefix",
                  prefix);
      assertThat(added).isZero();
      int expected = WatchPartitioner.partition(key, 5);
      assertThat(TestTopics.readCommitted(prefix + "watches"))
          .extracting(ConsumerRecord::partition)
          .containsExactly(expected);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  TestTopics.readCommitted(prefix + "state").stream()
                      .map(ConsumerRecord::key)
                      .toList()
                      .containsAll(List.of(key, "status/" + key)));
      List<ConsumerRecord<String, byte[]>> states = TestTopics.readCommitted(prefix + "state");
      assertThat(states).extracting(ConsumerRecord::key).contains(key, "status/" + key);
      assertThat(states)
          .as("the state and the status are written to their watch's partition")
          .extracting(ConsumerRecord::partition)
          .containsOnly(expected);
    }
  }

  @Test
  void shouldRefuseToStartWhenTheStateTopicIsNotCoPartitioned() throws Exception {
    String prefix = "parts-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Admin admin = admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(prefix + "watches", 3, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact")),
                  new NewTopic(prefix + "state", 5, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact"))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (Simulator simulator =
        Simulator.start(TrophyScenarios.world(now()), PsnSimulatorConfig.defaults(), clock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);

      assertThatThrownBy(() -> Engine.start(PitwallConfig.of(settings)).close())
          .isInstanceOf(StartupException.class)
          .hasMessageContaining(prefix + "watches has 3 partitions but " + prefix + "state has 5")
          .hasMessageContaining("co-partitioned");
    }
  }

  /** The scenario's settings with five partitions and no configured watch (one is added live). */
  private static Map<String, String> settings(Simulator simulator, String prefix) {
    Map<String, String> settings =
        new java.util.HashMap<>(TestSettings.scenario(simulator, prefix));
    settings.remove("watch.1");
    settings.put("watches.partitions", "5");
    return settings;
  }

  private static int partitions(String topic) throws Exception {
    try (Admin admin = admin()) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static SimClock clock() {
    return new SimClock();
  }
}
