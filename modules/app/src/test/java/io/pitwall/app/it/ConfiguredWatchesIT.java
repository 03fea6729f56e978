package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.Pitwall;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.kafka.TopicSnapshot;
import io.pitwall.kafka.watches.WatchJson;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The configuration's watches are records of the watches topic ({@code "origin":"config"}), owned
 * by the configuration: {@code watch remove} refuses them, so no restart undoes a removal, and a
 * setting removed from the configuration is tombstoned at the next start.
 */
class ConfiguredWatchesIT {

  @Test
  void shouldWriteConfiguredWatchesToTheTopicAndKeepThemOwnedByTheConfiguration() throws Exception {
    String prefix = "configured-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "watches";
    String key = "psn:" + TrophyScenarios.ACCOUNT;
    try (Simulator simulator =
        Simulator.start(
            TrophyScenarios.world(Instant.now()), PsnSimulatorConfig.defaults(), new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      settings.put("watch.1", key + " label=Configured");
      try (Engine engine = Engine.start(PitwallConfig.of(settings))) {
        assertThat(latest(topic, key)).isNotNull();
        assertThat(WatchJson.originOf(latest(topic, key))).isEqualTo("config");
        await().atMost(Duration.ofSeconds(60)).until(() -> hasState(prefix, key));

        String[] target = {
          "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic-prefix", prefix
        };
        CommandLine cli = new CommandLine(new Pitwall());
        cli.setErr(new PrintWriter(new StringWriter()));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
          code = cli.execute("watch", "remove", key, target[0], target[1], target[2], target[3]);
        } finally {
          System.setErr(original);
        }
        assertThat(code).as("watch remove of a configured watch").isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8))
            .contains(key + " is a configured watch")
            .contains("watch.N");
        assertThat(WatchJson.originOf(latest(topic, key))).isEqualTo("config");
      }

      // the setting is gone: the next start tombstones its record
      Map<String, String> without = new HashMap<>(settings);
      without.remove("watch.1");
      try (Engine engine = Engine.start(PitwallConfig.of(without))) {
        assertThat(latest(topic, key)).as("tombstoned").isNull();
      }
    }
  }

  /** The latest value of a key in the topic (null when absent or tombstoned). */
  private static byte[] latest(String topic, String key) {
    byte[] value = null;
    for (ConsumerRecord<byte[], byte[]> r :
        TopicSnapshot.readToEnd(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), topic)) {
      if (key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
        value = r.value();
      }
    }
    return value;
  }

  /** Whether the state topic holds a state of the watch: it was polled. */
  private static boolean hasState(String prefix, String key) {
    return io.pitwall.testkit.TestTopics.readCommitted(prefix + "state").stream()
        .anyMatch(r -> key.equals(r.key()) && r.value() != null);
  }
}
