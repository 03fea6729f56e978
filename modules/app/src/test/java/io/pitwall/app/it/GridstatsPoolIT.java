package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.events.DrClassChanged;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.gt.QuotaSpelling;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A gtgridstats key pool whose first key is revoked: the GT Sport rating events still carry their
 * catalog names (looked up through the healthy key) and the healthy key's drivers are polled; and
 * answers with unreadable quota headers are counted, not fatal.
 */
class GridstatsPoolIT {

  private static final String FIRST = "pool-first-key";
  private static final String SECOND = "pool-second-key";
  private static final String PROFILE = "9568550";

  @Test
  void shouldNameGtEventsThroughTheHealthyKeyWhenTheFirstIsRevoked() {
    GtWorld gt = world();
    gt.faults().revoke(FIRST);
    String prefix = "gtpool-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator = start(gt);
        Engine engine = Engine.start(PitwallConfig.of(settings(simulator, prefix)))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> polls(engine, "gt", "OK") >= 1);

      gt.setProfileRatings(PROFILE, 5, 30_100, 99, "B", "A", "S", "S", Instant.now());

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  ScenarioChecks.gtEvents(prefix).stream()
                      .anyMatch(DrClassChanged.class::isInstance));
      DrClassChanged event =
          ScenarioChecks.gtEvents(prefix).stream()
              .filter(DrClassChanged.class::isInstance)
              .map(DrClassChanged.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(event.getFavouriteManufacturer())
          .as("named through the second key, the first being revoked")
          .isEqualTo("Mazda");
      assertThat(event.getFavouriteCar()).isEqualTo("Mazda RX-Vision GT3 Concept");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          engine
                              .health()
                              .getJsonObject("gridstats")
                              .getJsonObject("watches")
                              .getMap()
                              .values())
                      .as("the revoked key's drivers fail, the healthy key's are polled")
                      .contains("OK", "AUTH_EXPIRED"));
    }
  }

  @Test
  void shouldCountUnreadableQuotaHeadersAndKeepPolling() {
    GtWorld gt = world();
    gt.faults().spellQuotaAs(QuotaSpelling.GARBLED);
    String prefix = "gtquota-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator = start(gt);
        Engine engine = Engine.start(PitwallConfig.of(settings(simulator, prefix)))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(polls(engine, "gridstats", "OK")).isGreaterThanOrEqualTo(4);
                assertThat(
                        engine
                            .metrics()
                            .registry()
                            .find("pitwall_quota_headers_unreadable")
                            .tag("source", "gridstats")
                            .counter()
                            .count())
                    .as("pitwall_quota_headers_unreadable_total{source=gridstats}")
                    .isGreaterThanOrEqualTo(4);
              });
    }
  }

  private static GtWorld world() {
    GtWorld gt = new GtWorld();
    for (int i = 0; i < 4; i++) {
      gt.addGridDriver("driver0" + i, "D" + i, "B", "S", 15_000, true, Instant.now());
    }
    gt.addProfile(PROFILE, "xGranadier", "us", "1-0", "2-0", 4, 23_630, 99);
    return gt;
  }

  private static Simulator start(GtWorld gt) {
    return Simulator.start(
        new PsnWorld(),
        PsnSimulatorConfig.defaults(),
        gt,
        new GtSimulatorConfig(Set.of(FIRST, SECOND), 1000, Duration.ofDays(1), Duration.ZERO),
        new SimClock());
  }

  private static Map<String, String> settings(Simulator simulator, String prefix) {
    Map<String, String> settings = TestSettings.scenario(simulator, prefix);
    settings.remove("watch.1");
    settings.remove("psn.npsso");
    settings.put("gt.base.url", simulator.gtBaseUrl());
    settings.put("gridstats.base.url", simulator.gridstatsBaseUrl());
    // the pool is ordered by credential name: "alt" is its first member, "default" its second
    settings.put("gridstats.api.key.alt", FIRST);
    settings.put("gridstats.api.key", SECOND);
    settings.put("gridstats.batch.size", "1");
    for (int i = 0; i < 4; i++) {
      settings.put("watch." + (i + 1), "gridstats:driver0" + i);
    }
    settings.put("watch.5", "gt:" + PROFILE);
    return settings;
  }

  private static double polls(Engine engine, String source, String outcome) {
    var counter =
        engine
            .metrics()
            .registry()
            .find("pitwall_polls")
            .tag("source", source)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
