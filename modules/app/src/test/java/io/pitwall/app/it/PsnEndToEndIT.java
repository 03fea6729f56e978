package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.events.NpServiceName;
import io.pitwall.events.TrophyEarned;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scripted PSN scenario from the simulator to Kafka and back through the registry: the events
 * equal the simulator's ground truth, no more, no less.
 */
class PsnEndToEndIT {

  @Test
  void shouldPublishExactlyTheGroundTruthAndPollUnchangedAccountsWithOneRequest() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    String prefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "psn.trophy-earned";
    try (Simulator simulator =
            Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock());
        Engine engine = Engine.start(PitwallConfig.of(settings(simulator, prefix)))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> polls(engine) >= 2);
      int mark = world.groundTruth().size();

      TrophyScenarios.roundOne()
          .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
      TrophyScenarios.roundTwo()
          .applyUntil(world, start.plusSeconds(200), start.plusSeconds(300), s -> {});
      List<String> truth = ScenarioChecks.truthSince(world, mark);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ScenarioChecks.committedEvents(topic).size() >= truth.size());
      double pollsAfterEvents = polls(engine);
      await().atMost(Duration.ofSeconds(30)).until(() -> polls(engine) >= pollsAfterEvents + 3);

      List<TrophyEarned> events = ScenarioChecks.committedEvents(topic);
      assertThat(events).extracting(ScenarioChecks::describe).containsExactlyElementsOf(truth);
      assertThat(events).extracting(e -> e.getEnvelope().getEventId()).doesNotHaveDuplicates();
      TrophyEarned dlc =
          events.stream().filter(e -> e.getTrophyGroupId().equals("001")).findFirst().orElseThrow();
      assertThat(dlc.getTrophyGroupName()).isEqualTo("Title " + TrophyScenarios.PS5 + " Expansion");
      assertThat(events).filteredOn(TrophyEarned::getTrophyHidden).isNotEmpty();
      assertThat(events)
          .filteredOn(e -> e.getNpCommunicationId().equals(TrophyScenarios.PS4))
          .allMatch(e -> e.getNpServiceName() == NpServiceName.trophy);
      assertThat(events).allMatch(e -> "scenario".equals(e.getEnvelope().getWatchLabel()));

      simulator.requestLog().clear();
      double before = polls(engine);
      await().atMost(Duration.ofSeconds(30)).until(() -> polls(engine) >= before + 3);
      var trophyRequests = simulator.requestLog().matching(e -> e.upstream().equals("psn"));
      assertThat(trophyRequests).isNotEmpty().allMatch(e -> e.path().endsWith("/trophyTitles"));
      assertThat(simulator.requestLog().matching(e -> e.path().endsWith("/trophyTitles")))
          .hasSizeBetween((int) (polls(engine) - before) - 1, (int) (polls(engine) - before) + 1);

      String metrics = get("http://localhost:" + engine.metricsPort() + "/metrics");
      assertThat(metrics)
          .contains(
              "pitwall_polls_total{outcome=\"OK\",source=\"psn\"}",
              "pitwall_upstream_requests_total",
              "pitwall_events_published_total{type=\"TrophyEarned\"}",
              "pitwall_budget_tokens{",
              "pitwall_detection_lag_seconds",
              "kafka_producer");
      for (String name : MetricNames.readme()) {
        assertThat(MetricNames.scraped(metrics, name)).as("README metric " + name).isTrue();
      }
      for (String name : MetricNames.deploy()) {
        assertThat(MetricNames.scraped(metrics, name))
            .as("metric " + name + " of the dashboard or the alert rules")
            .isTrue();
      }
      JsonObject health =
          new JsonObject(get("http://localhost:" + engine.metricsPort() + "/health"));
      assertThat(health.getString("status")).isEqualTo("UP");
      assertThat(health.getString("kafka")).isEqualTo("UP");
      assertThat(health.getString("registry")).isEqualTo("UP");
      assertThat(health.getJsonObject("psn").getString("state")).isEqualTo("UP");
      assertThat(
              health
                  .getJsonObject("psn")
                  .getJsonObject("watches")
                  .getString("psn:" + TrophyScenarios.ACCOUNT))
          .isEqualTo("OK");
      assertThat(health.getJsonObject("gt").getString("state")).isEqualTo("IDLE");
    }
  }

  private static Map<String, String> settings(Simulator simulator, String prefix) {
    Map<String, String> settings = TestSettings.scenario(simulator, prefix);
    settings.put("watch.1", "psn:" + TrophyScenarios.ACCOUNT + " label=scenario");
    return settings;
  }

  private static double polls(Engine engine) {
    var counter = engine.metrics().registry().find("pitwall_polls").tag("outcome", "OK").counter();
    return counter == null ? 0 : counter.count();
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
