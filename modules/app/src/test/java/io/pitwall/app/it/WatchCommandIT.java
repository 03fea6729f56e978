package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.Pitwall;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchKey;
import io.pitwall.events.WatchStatusMapper;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code pitwall watch add|list|remove} against a real broker. */
class WatchCommandIT {

  @Test
  void shouldAddListAndRemoveWatchesAndRefuseBadOnes() {
    String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String[] target = {
      "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic-prefix", prefix
    };

    assertThat(
            run(
                "watch", "add", "psn:123", "--label", "Main", target[0], target[1], target[2],
                target[3]))
        .isZero();
    assertThat(
            run(
                "watch",
                "add",
                "gridstats:skino2024",
                "--series",
                "1564,1565",
                target[0],
                target[1],
                target[2],
                target[3]))
        .isZero();
    assertThat(run("watch", "add", "psn:../x", target[0], target[1], target[2], target[3]))
        .isEqualTo(2);
    assertThat(
            run(
                "watch",
                "add",
                "psn:456",
                "--credential",
                "alt",
                "--min-interval",
                "PT1M",
                "--max-interval",
                "PT1H",
                target[0],
                target[1],
                target[2],
                target[3]))
        .isZero();
    assertThat(
            run(
                "watch",
                "add",
                "psn:456",
                "--min-interval",
                "soon",
                target[0],
                target[1],
                target[2],
                target[3]))
        .as("an interval that is no ISO-8601 duration is refused before it reaches the topic")
        .isEqualTo(2);
    assertThat(
            run(
                "watch",
                "add",
                "psn:123",
                "--series",
                "1",
                target[0],
                target[1],
                target[2],
                target[3]))
        .isEqualTo(2);
    String listed = output("watch", "list", target[0], target[1], target[2], target[3]);
    assertThat(listed)
        .contains("psn:123 label=Main [no state yet]")
        .contains("gridstats:skino2024 series=1564,1565")
        .doesNotContain("status=");

    publishStatus(prefix, "psn:123", PollOutcome.PRIVATE, "trophy list is private (2240526)");
    String withStatus =
        output(
            "watch",
            "list",
            target[0],
            target[1],
            target[2],
            target[3],
            "--schema-registry-url",
            TestSchemaRegistry.url());
    assertThat(withStatus)
        .contains("psn:123 label=Main [no state yet] status=PRIVATE since 2026-11-22T10:00:00Z")
        .contains("(trophy list is private (2240526))")
        .contains("gridstats:skino2024 series=1564,1565 [no state yet] status=PENDING");

    assertThat(run("watch", "remove", "psn:123", target[0], target[1], target[2], target[3]))
        .isZero();
    assertThat(output("watch", "list", target[0], target[1], target[2], target[3]))
        .doesNotContain("psn:123")
        .contains("gridstats:skino2024");
  }

  private static void publishStatus(String prefix, String key, PollOutcome outcome, String reason) {
    WatchKey watch = WatchKey.parse(key);
    var event =
        WatchStatusMapper.toEvent(
            watch, "Main", outcome, null, reason, Instant.parse("2026-11-22T10:00:00Z"));
    AvroWireCodec codec =
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));
    String topic = io.pitwall.events.EventCatalogue.WATCH_STATUS_CHANGED.topic(prefix);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, key.getBytes(StandardCharsets.UTF_8), codec.encode(topic, event)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int run(String... args) {
    CommandLine cli = new CommandLine(new Pitwall());
    cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    return cli.execute(args);
  }

  private static String output(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new Pitwall()).execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
