package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtFaults;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The GT Sport profile and gtgridstats upstreams take every request and answer none (their requests
 * time out only after minutes), with more of their watches due than there are poll slots: the PSN
 * watch keeps being polled, because a hung source fills only its own share of the slots.
 */
class HungUpstreamIT {

  private static final String KEY = "hung-it-key";

  @Test
  void shouldKeepPollingPsnWhileTheGtUpstreamsHang() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld psn = TrophyScenarios.world(start);
    GtWorld gt = new GtWorld();
    for (int i = 0; i < 8; i++) {
      gt.addGridDriver("driver0" + i, "D" + i, "B", "S", 15_000, true, start);
    }
    gt.addProfile("9568550", "xGranadier", "us", "1-0", "2-0", 4, 23_630, 99);
    gt.addProfile("9568551", "other", "us", "3-0", "4-0", 3, 13_000, 80);
    gt.faults().hang(GtFaults.Api.GRIDSTATS);
    gt.faults().hang(GtFaults.Api.GT_PROFILE);
    String prefix = "hung-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator =
        Simulator.start(
            psn,
            PsnSimulatorConfig.defaults(),
            gt,
            GtSimulatorConfig.defaults(KEY),
            new SimClock())) {
      try (Engine engine = Engine.start(PitwallConfig.of(settings(simulator, prefix)))) {
        await()
            .atMost(Duration.ofSeconds(45))
            .untilAsserted(
                () ->
                    assertThat(titlePolls(simulator))
                        .as("PSN title polls while the GT upstreams hang")
                        .isGreaterThanOrEqualTo(10));

        assertThat(
                simulator
                    .requestLog()
                    .matching(e -> e.upstream().equals("gt") || e.upstream().equals("gridstats")))
            .as("the GT upstreams answered nothing meanwhile: their polls still hold their slots")
            .isEmpty();
      }
    }
  }

  private static Map<String, String> settings(Simulator simulator, String prefix) {
    Map<String, String> settings = TestSettings.scenario(simulator, prefix);
    settings.put("gt.base.url", simulator.gtBaseUrl());
    settings.put("gridstats.base.url", simulator.gridstatsBaseUrl());
    settings.put("gridstats.api.key", KEY);
    settings.put("gridstats.batch.size", "1");
    settings.put("gridstats.request.timeout", "PT10M");
    settings.put("poll.concurrency", "4");
    for (int i = 0; i < 8; i++) {
      settings.put("watch." + (i + 2), "gridstats:driver0" + i);
    }
    settings.put("watch.10", "gt:9568550");
    settings.put("watch.11", "gt:9568551");
    return settings;
  }

  private static int titlePolls(Simulator simulator) {
    return simulator
        .requestLog()
        .matching(e -> e.upstream().equals("psn") && e.path().endsWith("/trophyTitles"))
        .size();
  }
}
