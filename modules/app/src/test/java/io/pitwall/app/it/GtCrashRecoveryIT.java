package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.events.DrClassChanged;
import io.pitwall.events.SafetyRatingChanged;
import io.pitwall.events.SeriesRoundScored;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The restart-safety test for the GT sources: the engine process is killed (SIGKILL) once between
 * transactions and once inside an open transaction holding GT events; after a restart the
 * read_committed streams hold every rating and round change exactly once.
 */
class GtCrashRecoveryIT {

  private static final String KEY = "gridstats-crash-key";

  @Test
  void shouldNeitherLoseNorDuplicateGtEventsWhenKilled() throws Exception {
    Instant t0 = Instant.now();
    GtWorld gt = new GtWorld();
    gt.addGridDriver("skino2024", "Skino", "B", "S", 11_000, true, t0);
    gt.addGridDriver("SparksTheory", "Sparks", "A", "S", 40_000, true, t0);
    gt.addSeries("1564", "Nations Cup");
    gt.setRound("1564", "skino2024", 1, 120, true, t0);
    gt.addProfile(
        "9568550",
        "xGranadier",
        "us",
        "8224232633225479708-0",
        "8295639381191197212-0",
        4,
        23_630,
        99);
    int mark = gt.groundTruth().size();
    String prefix = "gtcrash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Path work = Files.createDirectories(Paths.get("target", "crash-it", prefix));
    try (Simulator simulator =
        Simulator.start(
            new PsnWorld(),
            PsnSimulatorConfig.defaults(),
            gt,
            GtSimulatorConfig.defaults(KEY).withStagger(Duration.ofMillis(100)),
            new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      settings.remove("psn.npsso");
      settings.put("gt.base.url", simulator.gtBaseUrl());
      settings.put("gridstats.base.url", simulator.gridstatsBaseUrl());
      settings.put("gridstats.api.key", KEY);
      settings.put("watch.1", "gridstats:skino2024 series=1564");
      settings.put("watch.2", "gridstats:SparksTheory");
      settings.put("watch.3", "gt:9568550");

      try (EngineProcess first = EngineProcess.start(settings, work, "first")) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> first.output().split("baseline taken", -1).length > 3);
        gt.setGridRatings("skino2024", "A", 30_100, "S", Instant.now());
        gt.setRound("1564", "skino2024", 2, 95, true, Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> events(prefix).size() >= 2);
        first.kill();
      }

      gt.setGridRatings("SparksTheory", "B", 29_000, "A", Instant.now());
      gt.setProfileRatings("9568550", 5, 30_200, 99, "B", "A", "S", "S", Instant.now());
      gt.setRound("1564", "skino2024", 1, 120, false, Instant.now());
      Map<String, String> faulty = new HashMap<>(settings);
      faulty.put("fault.pause.before.commit", "PT60S");
      try (EngineProcess second = EngineProcess.start(faulty, work, "second")) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> second.output().contains("Fault injection: pausing"));
        second.kill();
      }
      assertThat(events(prefix)).hasSize(2);

      List<String> truth =
          gt.groundTruth().subList(mark, gt.groundTruth().size()).stream()
              .map(f -> f.api() + ":" + f.driver() + " " + f.field())
              .toList();
      try (EngineProcess third = EngineProcess.start(settings, work, "third")) {
        await().atMost(Duration.ofSeconds(60)).until(() -> events(prefix).size() >= truth.size());
        Thread.sleep(3000);
        List<SpecificRecord> events = events(prefix);
        assertThat(events)
            .extracting(GtCrashRecoveryIT::describe)
            .containsExactlyInAnyOrderElementsOf(truth);
        assertThat(events)
            .extracting(e -> ((io.pitwall.events.Envelope) e.get(0)).getEventId())
            .doesNotHaveDuplicates();
        assertThat(third.output()).doesNotContain(KEY).contains("gridstats.api.key = ****");
        List<String> secrets = List.of(KEY);
        SecretScan.assertNone(
            secrets,
            SecretScan.endpoints(SecretScan.metricsPort(third.output())),
            "/metrics and /health");
        SecretScan.assertNone(secrets, SecretScan.topics(prefix), "every topic");
      }
    }
  }

  private static List<SpecificRecord> events(String prefix) {
    return ScenarioChecks.gtEvents(prefix);
  }

  private static String describe(SpecificRecord event) {
    if (event instanceof DrClassChanged d) {
      return d.getEnvelope().getSource() + ":" + d.getEnvelope().getAccountId() + " dr";
    }
    if (event instanceof SafetyRatingChanged s) {
      return s.getEnvelope().getSource() + ":" + s.getEnvelope().getAccountId() + " sr";
    }
    SeriesRoundScored r = (SeriesRoundScored) event;
    return r.getEnvelope().getSource()
        + ":"
        + r.getEnvelope().getAccountId()
        + " round:"
        + r.getSeriesId()
        + ":"
        + r.getRoundNumber();
  }
}
