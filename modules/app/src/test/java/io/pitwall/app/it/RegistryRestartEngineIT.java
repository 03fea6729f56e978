package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.runtime.ApicurioRegistryProcess;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The running engine's registry goes away, accounts earn trophies while it is away, and it comes
 * back empty (no durable storage), where other schemas now hold the ids the engine had cached.
 * Meanwhile the engine reports the registry DOWN and is not ready; afterwards it publishes every
 * change exactly once, each framed with an id that resolves to its own schema in the registry as it
 * is now, and counts the ids that changed.
 */
class RegistryRestartEngineIT {

  @Test
  void shouldRideThroughARegistryThatRestartsEmptyAndNeverFrameAStaleId() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    String prefix = "registry-restart.";
    String topic = prefix + "psn.trophy-earned";
    ApicurioRegistryProcess registry = ApicurioRegistryProcess.start();
    try (Simulator simulator =
        Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      settings.put("schema.registry.url", registry.confluentApiUrl());
      int mark = world.groundTruth().size();
      try (Engine engine = Engine.start(PitwallConfig.of(settings))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> TestTopics.readCommitted(prefix + "state").size() >= 1);
        TrophyScenarios.roundOne()
            .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
        int roundOne = world.groundTruth().size() - mark;
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> TestTopics.readCommitted(topic).size() >= roundOne);
        // a reader that decoded the first events before the restart keeps their schemas cached
        AvroWireCodec before =
            new AvroWireCodec(new ConfluentRestRegistryClient(registry.confluentApiUrl()));
        List<TrophyEarned> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TestTopics.readCommitted(topic)) {
          events.add((TrophyEarned) before.decode(r.value()));
        }

        registry.close();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> "DOWN".equals(engine.health().getString("registry")));
        assertThat(engine.health().getString("status")).isNotEqualTo("UP");
        // earned while the registry is known to be away: published only once it is back (events
        // framed with a cached id before the outage was noticed are the README's caveat)
        TrophyScenarios.roundTwo()
            .applyUntil(world, start.plusSeconds(200), start.plusSeconds(300), s -> {});
        // the engine stays paused and says so for as long as the registry is away
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(10))
            .until(() -> "DOWN".equals(engine.health().getString("registry")));
        registry = registry.restartEmpty();
        // other schemas take the ids 1, 2, ... that the engine's cached ids name
        ConfluentRestRegistryClient other =
            new ConfluentRestRegistryClient(registry.confluentApiUrl());
        for (int i = 0; i < 8; i++) {
          other.register("squatter-" + i + "-value", squatter(i));
        }

        List<String> truth = ScenarioChecks.truthSince(world, mark);
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> TestTopics.readCommitted(topic).size() >= truth.size());
        // a few more polls: nothing else may appear
        await()
            .during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(10))
            .until(() -> TestTopics.readCommitted(topic).size() == truth.size());
        List<ConsumerRecord<String, byte[]>> records = TestTopics.readCommitted(topic);
        AvroWireCodec after =
            new AvroWireCodec(new ConfluentRestRegistryClient(registry.confluentApiUrl()));
        for (ConsumerRecord<String, byte[]> r : records.subList(events.size(), records.size())) {
          assertThat(after.decode(r.value()))
              .as("an event published after the restart decodes with the registry as it is now")
              .isInstanceOf(TrophyEarned.class);
          events.add((TrophyEarned) after.decode(r.value()));
        }
        assertThat(events)
            .extracting(ScenarioChecks::describe)
            .containsExactlyInAnyOrderElementsOf(truth);
        assertThat(events).extracting(e -> e.getEnvelope().getEventId()).doesNotHaveDuplicates();
        assertThat(engine.metrics().scrape())
            .containsPattern("pitwall_registry_schema_id_changes_total(\\{[^}]*\\})? [1-9]");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> "UP".equals(engine.health().getString("status")));
      }
    } finally {
      registry.close();
    }
  }

  private static Schema squatter(int i) {
    return SchemaBuilder.record("Squatter" + i)
        .namespace("test.squatters")
        .fields()
        .requiredLong("n" + i)
        .endRecord();
  }
}
