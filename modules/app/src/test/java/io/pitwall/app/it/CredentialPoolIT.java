package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.simulator.RequestLog;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two PSN identities form a pool: the watches are spread over them, each identity's requests stay
 * within its own budget, and detection works through either.
 */
class CredentialPoolIT {

  private static final String SECOND = "5000000000000000077";
  private static final String SECOND_NPSSO = "e2e-npsso-second-identity";

  @Test
  void shouldSpreadWatchesOverThePoolAndKeepEachIdentityInItsBudget() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    world.addAccount(SECOND, "second", SECOND_NPSSO, "en");
    String prefix = "pool-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator =
        Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      settings.put("psn.npsso.alt", SECOND_NPSSO);
      settings.put("psn.budget.requests", "200");
      settings.put("psn.budget.period", "PT1M");
      settings.put("watch.2", "psn:" + SECOND);
      try (Engine engine = Engine.start(PitwallConfig.of(settings))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> identities(simulator).size() == 2);
        int mark = world.groundTruth().size();
        TrophyScenarios.roundOne()
            .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
        List<String> truth = ScenarioChecks.truthSince(world, mark);
        assertPublishedExactly(prefix, truth, Duration.ofSeconds(30));
        Map<String, Set<String>> identitiesByAccount =
            titleRequests(simulator).stream()
                .collect(
                    Collectors.groupingBy(
                        e -> e.path().replaceAll(".*/users/([^/]+)/trophyTitles", "$1"),
                        Collectors.mapping(RequestLog.Entry::identity, Collectors.toSet())));
        assertThat(identitiesByAccount).containsOnlyKeys(TrophyScenarios.ACCOUNT, SECOND);
        assertThat(identitiesByAccount.values())
            .as("each watch stays with the one identity it was spread to")
            .allMatch(ids -> ids.size() == 1);
        assertThat(identities(simulator)).hasSize(2);
        assertWithinBudget(simulator, 200);
        JsonObject credentials = engine.health().getJsonObject("psn").getJsonObject("credentials");
        assertThat(credentials.fieldNames()).containsExactlyInAnyOrder("default", "alt");
      }
    }
  }

  @Test
  void shouldMoveTheWatchesOfAMemberWhoseNpssoExpiredToTheLiveMember() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    world.addAccount(SECOND, "second", SECOND_NPSSO, "en");
    String prefix = "pool-dead-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator =
        Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      settings.put("psn.npsso.alt", SECOND_NPSSO);
      settings.put("watch.2", "psn:" + SECOND);
      try (Engine engine = Engine.start(PitwallConfig.of(settings))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> identities(simulator).size() == 2);
        String polling =
            titleRequests(simulator).stream()
                .filter(e -> e.path().contains("/users/" + TrophyScenarios.ACCOUNT + "/"))
                .map(RequestLog.Entry::identity)
                .findFirst()
                .orElseThrow();
        // the identity that polls the scenario account loses its npsso and its tokens
        world.expireNpsso(polling);
        simulator.psn().tokens().expireAccessTokens();
        simulator.psn().tokens().expireRefreshTokens();
        int mark = world.groundTruth().size();
        TrophyScenarios.roundOne()
            .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
        List<String> truth = ScenarioChecks.truthSince(world, mark);

        assertPublishedExactly(prefix, truth, Duration.ofSeconds(60));
        String other = polling.equals(SECOND) ? TrophyScenarios.ACCOUNT : SECOND;
        assertThat(titleRequests(simulator))
            .as("the live member polls the account now")
            .anyMatch(
                e ->
                    e.identity().equals(other)
                        && e.path().contains("/users/" + TrophyScenarios.ACCOUNT + "/"));
      }
    }
  }

  /** Waits until the committed trophies account for the truth, then checks they are exactly it. */
  private static void assertPublishedExactly(String prefix, List<String> truth, Duration within) {
    String topic = prefix + "psn.trophy-earned";
    await()
        .atMost(within)
        .until(() -> ScenarioChecks.committedEvents(topic).size() >= truth.size());
    assertThat(ScenarioChecks.committedEvents(topic))
        .extracting(ScenarioChecks::describe)
        .containsExactlyElementsOf(truth);
  }

  private static List<RequestLog.Entry> titleRequests(Simulator simulator) {
    return simulator
        .requestLog()
        .matching(
            e ->
                e.upstream().equals("psn")
                    && e.identity() != null
                    && e.path().endsWith("/trophyTitles"));
  }

  private static Set<String> identities(Simulator simulator) {
    return titleRequests(simulator).stream()
        .map(RequestLog.Entry::identity)
        .collect(Collectors.toSet());
  }

  /** No identity ever made more than its budget of requests in any minute. */
  private static void assertWithinBudget(Simulator simulator, int perMinute) {
    Map<String, List<Instant>> byIdentity =
        simulator
            .requestLog()
            .matching(e -> e.upstream().equals("psn") && e.identity() != null)
            .stream()
            .collect(
                Collectors.groupingBy(
                    RequestLog.Entry::identity,
                    Collectors.mapping(RequestLog.Entry::at, Collectors.toList())));
    byIdentity.forEach(
        (identity, times) -> {
          for (int i = 0; i < times.size(); i++) {
            Instant end = times.get(i).plusSeconds(60);
            long inWindow = times.stream().skip(i).filter(t -> t.isBefore(end)).count();
            assertThat(inWindow).as("requests of " + identity).isLessThanOrEqualTo(perMinute);
          }
        });
  }
}
