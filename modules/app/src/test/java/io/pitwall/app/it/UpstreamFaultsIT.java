package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnFault;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replies that do not match the docs (an HTML error page, missing fields, a truncated body, wrong
 * types) and accounts that are private or unknown are counted, named poll outcomes; the engine
 * keeps running, emits nothing from them, and detects the next real change.
 */
class UpstreamFaultsIT {

  private static final String PRIVATE = "5000000000000000009";

  @Test
  void shouldCountBadRepliesAsPollFailuresAndKeepDetecting() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    world.addAccount(PRIVATE, "hidden", "other-npsso", "en");
    world.setPrivate(PRIVATE, true);
    String prefix = "faults-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator =
            Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock());
        Engine engine = Engine.start(PitwallConfig.of(settings(simulator, prefix)))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  polls(engine, "OK") >= 2
                      && polls(engine, "PRIVATE") >= 1
                      && polls(engine, "NOT_FOUND") >= 1);

      simulator
          .psn()
          .injectFaults(
              PsnFault.HTML_ERROR_PAGE,
              PsnFault.MISSING_FIELDS,
              PsnFault.TRUNCATED_BODY,
              PsnFault.WRONG_TYPES);
      TrophyScenarios.roundOne()
          .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
      await().atMost(Duration.ofSeconds(30)).until(() -> polls(engine, "UPSTREAM_ERROR") >= 4);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ScenarioChecks.committedEvents(prefix + "psn.trophy-earned").size()
                      == TrophyScenarios.roundOne().steps().size());
      assertThat(engine.health().getString("status")).isEqualTo("UP");
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.PrintStream original = System.out;
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      int code;
      try {
        code =
            new picocli.CommandLine(new io.pitwall.app.Pitwall())
                .execute("status", "--url", "http://localhost:" + engine.metricsPort());
      } finally {
        System.setOut(original);
      }
      assertThat(code).isZero();
      assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
          .contains("\"status\" : \"UP\"")
          .contains("\"psn:" + PRIVATE + "\" : \"PRIVATE\"");
      assertThat(
              new picocli.CommandLine(new io.pitwall.app.Pitwall())
                  .execute("status", "--url", "http://localhost:9"))
          .isEqualTo(3);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                var codec =
                    new io.pitwall.events.wire.AvroWireCodec(
                        new io.pitwall.events.wire.ConfluentRestRegistryClient(
                            io.pitwall.testkit.TestSchemaRegistry.url()));
                List<String> statuses =
                    io.pitwall.testkit.TestTopics.readCommitted(prefix + "watch-status").stream()
                        .map(r -> (io.pitwall.events.WatchStatusChanged) codec.decode(r.value()))
                        .map(
                            w ->
                                w.getEnvelope().getAccountId()
                                    + " "
                                    + w.getPreviousStatus()
                                    + "->"
                                    + w.getStatus())
                        .toList();
                assertThat(statuses)
                    .contains(
                        PRIVATE + " null->PRIVATE",
                        "4999999999999999999 null->NOT_FOUND",
                        TrophyScenarios.ACCOUNT + " null->OK",
                        TrophyScenarios.ACCOUNT + " OK->UPSTREAM_ERROR",
                        TrophyScenarios.ACCOUNT + " UPSTREAM_ERROR->OK");
              });
      assertThat(
              engine
                  .health()
                  .getJsonObject("psn")
                  .getJsonObject("watches")
                  .getString("psn:" + PRIVATE))
          .isEqualTo("PRIVATE");
    }
  }

  private static Map<String, String> settings(Simulator simulator, String prefix) {
    Map<String, String> settings = TestSettings.scenario(simulator, prefix);
    settings.put("poll.interval", "PT0.3S");
    settings.put("watch.2", "psn:" + PRIVATE);
    settings.put("watch.3", "psn:4999999999999999999");
    return settings;
  }

  private static double polls(Engine engine, String outcome) {
    var counter =
        engine.metrics().registry().find("pitwall_polls").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
