package io.pitwall.source.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.Pitwall;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.core.EventIds;
import io.pitwall.events.BestLapImproved;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The example source end to end with the real engine in-process, which knows it only through its
 * ServiceLoader registration: a watch {@code example:ayrton} added on the watches topic by {@code
 * pitwall watch add} is polled under its budget (the fake endpoint, metering in windows of the
 * budget's period, never sees more requests in a window than the budget allows), a faster best lap
 * is diffed into exactly one {@code BestLapImproved} published in the poll's transaction with the
 * watch's new state, read back {@code read_committed} through the registry, and the unchanged polls
 * around it publish nothing. The endpoint sends no quota headers here, so that the configured
 * budget alone paces the polls (BestLapClientTest covers pacing by the headers). A 429 is the
 * watch's {@code RATE_LIMITED} outcome and pauses the budget until its {@code Retry-After}; polling
 * goes on after it.
 */
class ExampleSourceEndToEndIT {

  private static final int BUDGET = 6;
  private static final Duration PERIOD = Duration.ofSeconds(3);
  private static final String DRIVER = "ayrton";
  private static final String KEY = "example:" + DRIVER;

  @Test
  void shouldPollUnderTheBudgetAndPublishOneEventPerImprovedBestLap() {
    String prefix = "example-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = ExamplePlugin.BEST_LAP_IMPROVED.topic(prefix);
    try (LapTimesServer server = new LapTimesServer(BUDGET, PERIOD, false);
        Engine engine = Engine.start(PitwallConfig.of(settings(server, prefix)))) {
      server.bestLap(DRIVER, "monza", 83_456);

      assertThat(
              pitwall(
                  "watch",
                  "add",
                  KEY,
                  "--label",
                  "Senna",
                  "--bootstrap-servers",
                  TestKafka.bootstrapServers(),
                  "--topic-prefix",
                  prefix))
          .isZero();

      await().atMost(Duration.ofSeconds(60)).until(() -> server.requests(DRIVER) >= 4);
      await().atMost(Duration.ofSeconds(30)).until(() -> state(prefix).contains("\"monza\":83456"));
      assertThat(TestTopics.readCommitted(topic))
          .as("the baseline and the unchanged polls publish nothing")
          .isEmpty();

      server.bestLap(DRIVER, "monza", 82_999);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !TestTopics.readCommitted(topic).isEmpty());
      assertThat(state(prefix))
          .as("the new state is committed with the event")
          .isEqualTo("{\"v\":1,\"source\":\"example\",\"best\":{\"monza\":82999}}");

      server.refuseNext(1, 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> polls(engine, "RATE_LIMITED") >= 1 && server.refused() >= 1);
      int afterRefusal = server.requests(DRIVER);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> server.requests(DRIVER) >= afterRefusal + 3);

      List<ConsumerRecord<String, byte[]>> records = TestTopics.readCommitted(topic);
      assertThat(records).as("one improvement, one event").hasSize(1);
      assertThat(records.get(0).key()).isEqualTo(KEY);
      BestLapImproved event = decode(records.get(0).value());
      assertThat(event.getDriver()).isEqualTo(DRIVER);
      assertThat(event.getTrack()).isEqualTo("monza");
      assertThat(event.getLapMillis()).isEqualTo(82_999L);
      assertThat(event.getPreviousLapMillis()).isEqualTo(83_456L);
      assertThat(event.getEnvelope().getSource()).isEqualTo("example");
      assertThat(event.getEnvelope().getAccountId()).isEqualTo(DRIVER);
      assertThat(event.getEnvelope().getWatchLabel()).isEqualTo("Senna");
      assertThat(event.getEnvelope().getEventTime()).isNull();
      assertThat(event.getEnvelope().getEventId())
          .isEqualTo(EventIds.of("BestLapImproved", KEY, "monza", "82999"));

      assertThat(server.busiestWindow())
          .as("no window of the budget's period held more requests than the budget (%s)", server)
          .isLessThanOrEqualTo(BUDGET);
      assertThat(server.busiestWindow())
          .as("the budget, not poll.interval (0.1 s), paced the polls (%s)", server)
          .isGreaterThanOrEqualTo(3);
      assertThat(server.refused())
          .as("only the 429 the test asked for: the budget never overran the meter")
          .isEqualTo(1);
      assertThat(polls(engine, "OK")).isGreaterThanOrEqualTo(8);
      assertThat(engine.health().getJsonObject("example").getJsonObject("watches").getString(KEY))
          .isEqualTo("OK");
    }
  }

  private static Map<String, String> settings(LapTimesServer server, String prefix) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
    settings.put("schema.registry.url", TestSchemaRegistry.url());
    settings.put("topic.prefix", prefix);
    settings.put("metrics.port", "0");
    settings.put("schedule.mode", "round-robin");
    settings.put("poll.interval", "PT0.1S");
    settings.put("example.base.url", server.baseUrl());
    settings.put("example.budget.requests", Integer.toString(BUDGET));
    settings.put("example.budget.period", PERIOD.toString());
    return settings;
  }

  /** Runs the {@code pitwall} command line in-process, as an operator would. */
  private static int pitwall(String... args) {
    CommandLine cli = new CommandLine(new Pitwall());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }

  /** The watch's last committed state, as text ("" when none). */
  private static String state(String prefix) {
    return TestTopics.readCommitted(prefix + "state").stream()
        .filter(r -> KEY.equals(r.key()) && r.value() != null)
        .reduce((a, b) -> b)
        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
        .orElse("");
  }

  private static BestLapImproved decode(byte[] value) {
    return (BestLapImproved)
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url())).decode(value);
  }

  private static double polls(Engine engine, String outcome) {
    var counter =
        engine
            .metrics()
            .registry()
            .find("pitwall_polls")
            .tag("source", ExamplePlugin.ID)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
