package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.events.TrophyEarned;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kills the engine process abruptly (SIGKILL), once between transactions and once inside an open
 * transaction, restarts it, and shows that the read_committed event stream still equals the
 * simulator's ground truth: no duplicates, nothing missing. The captured output of every run is
 * then searched for the npsso and every token the simulator issued.
 */
class CrashRecoveryIT {

  @Test
  void shouldNeitherLoseNorDuplicateEventsWhenKilled() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "psn.trophy-earned";
    Path work = Files.createDirectories(java.nio.file.Paths.get("target", "crash-it", prefix));
    List<String> outputs = new ArrayList<>();
    List<String> exposed;
    try (Simulator simulator =
        Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      int mark = world.groundTruth().size();

      // 1. Killed between transactions: round one is committed, then the process dies.
      try (EngineProcess first = EngineProcess.start(settings, work, "first")) {
        await().atMost(Duration.ofSeconds(60)).until(() -> first.output().contains("baseline of"));
        TrophyScenarios.roundOne()
            .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
        int expected = world.groundTruth().size() - mark;
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> TestTopics.readCommitted(topic).size() >= expected);
        first.kill();
        outputs.add(first.output());
      }

      // 2. Changes while down, then killed inside an open transaction that holds them.
      TrophyScenarios.roundTwo()
          .applyUntil(world, start.plusSeconds(200), start.plusSeconds(300), s -> {});
      Map<String, String> faulty = new HashMap<>(settings);
      faulty.put("fault.pause.before.commit", "PT60S");
      try (EngineProcess second = EngineProcess.start(faulty, work, "second")) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> second.output().contains("Fault injection: pausing"));
        second.kill();
        outputs.add(second.output());
      }
      assertThat(ScenarioChecks.committedEvents(topic))
          .hasSize(TrophyScenarios.roundOne().steps().size());

      // 3. Restart: the uncommitted changes are found again and published once.
      TrophyScenarios.roundThree()
          .applyUntil(world, start.plusSeconds(400), start.plusSeconds(500), s -> {});
      List<String> truth = ScenarioChecks.truthSince(world, mark);
      try (EngineProcess third = EngineProcess.start(settings, work, "third")) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> TestTopics.readCommitted(topic).size() >= truth.size());
        Thread.sleep(3000); // a few more polls: nothing else may appear
        List<TrophyEarned> events = ScenarioChecks.committedEvents(topic);
        assertThat(events)
            .extracting(ScenarioChecks::describe)
            .containsExactlyInAnyOrderElementsOf(truth);
        assertThat(events).extracting(e -> e.getEnvelope().getEventId()).doesNotHaveDuplicates();
        exposed = SecretScan.endpoints(SecretScan.metricsPort(third.output()));
        third.kill();
        outputs.add(third.output());
      }

      List<String> secrets = new ArrayList<>(simulator.psn().tokens().issued());
      secrets.add(TrophyScenarios.NPSSO);
      assertThat(secrets).hasSizeGreaterThan(3);
      SecretScan.assertNone(secrets, exposed, "/metrics and /health");
      SecretScan.assertNone(secrets, SecretScan.topics(prefix), "every topic");
      for (String output : outputs) {
        assertThat(output).contains("psn.npsso = ****");
        for (String secret : secrets) {
          assertThat(output)
              .as("captured engine output must not contain a credential")
              .doesNotContain(secret);
        }
      }
    }
  }
}
