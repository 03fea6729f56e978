package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.KafkaBrokerProcess;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kafka (a separate broker process) goes away for longer than the engine's {@code max.block.ms} and
 * {@code transaction.timeout.ms} while accounts keep earning trophies. Meanwhile the engine is not
 * ready but live, reports Kafka DOWN in /health and in a metric, and spends no upstream budget;
 * once the broker is back it resumes by itself and publishes every change exactly once.
 */
class KafkaOutageEngineIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @Test
  void shouldPauseThroughAKafkaOutageAndResumeByItself() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    String prefix = "outage-engine.";
    String topic = prefix + "psn.trophy-earned";
    try (KafkaBrokerProcess broker =
            KafkaBrokerProcess.builder(Files.createTempDirectory("pitwall-engine-outage-"))
                .start();
        Simulator simulator =
            Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
      int mark = world.groundTruth().size();
      try (Engine engine = Engine.start(PitwallConfig.of(settings))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    TestTopics.readCommitted(broker.bootstrapServers(), prefix + "state").size()
                        >= 1);
        TrophyScenarios.roundOne()
            .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
        int roundOne = world.groundTruth().size() - mark;
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> events(broker, topic).size() >= roundOne);

        broker.kill();
        TrophyScenarios.roundTwo()
            .applyUntil(world, start.plusSeconds(200), start.plusSeconds(300), s -> {});
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> "DOWN".equals(engine.health().getString("kafka")));
        assertThat(status(engine, "/health/ready")).isEqualTo(503);
        assertThat(status(engine, "/health/live")).isEqualTo(200);
        assertThat(engine.metrics().scrape())
            .contains("pitwall_dependency_up{dependency=\"kafka\"} 0.0");
        Thread.sleep(10_000); // polls in flight when it went away finish
        int requests = simulator.requestLog().entries().size();
        Thread.sleep(OUTAGE.toMillis());
        assertThat(simulator.requestLog().entries().size())
            .as("no upstream request while nothing could be committed")
            .isEqualTo(requests);
        assertThat(OUTAGE)
            .isGreaterThan(TransactionalPublisher.MAX_BLOCK)
            .isGreaterThan(TransactionalPublisher.TRANSACTION_TIMEOUT);

        broker.startAgain();
        List<String> truth = ScenarioChecks.truthSince(world, mark);
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> events(broker, topic).size() >= truth.size());
        Thread.sleep(3000); // a few more polls: nothing else may appear
        List<TrophyEarned> events = events(broker, topic);
        assertThat(events)
            .extracting(ScenarioChecks::describe)
            .containsExactlyInAnyOrderElementsOf(truth);
        assertThat(events).extracting(e -> e.getEnvelope().getEventId()).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(engine, "/health/ready") == 200);
        assertThat(engine.health().getString("status")).isEqualTo("UP");
      }
    }
  }

  private static List<TrophyEarned> events(KafkaBrokerProcess broker, String topic) {
    AvroWireCodec codec =
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));
    return TestTopics.readCommitted(broker.bootstrapServers(), topic).stream()
        .map(r -> (TrophyEarned) codec.decode(r.value()))
        .toList();
  }

  private static int status(Engine engine, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.metricsPort() + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
