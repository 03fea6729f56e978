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
import io.pitwall.simulator.psn.activity.PsnWorldGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances share one PSN identity's budget: each spends the share of the budget that its
 * watches are of the fleet's, so the simulator, which counts the identity's requests, never sees
 * the budget exceeded in any window (no 429), and the fleet still uses at least 90 % of it.
 */
class FleetBudgetIT {

  private static final Logger LOG = LoggerFactory.getLogger(FleetBudgetIT.class);

  /** Requests per minute of the one identity: burst 2 of the budget, one token per instance. */
  private static final int BUDGET = 120;

  private static final Duration MEASURED = Duration.ofSeconds(60);

  @Test
  void shouldSplitOneIdentitysBudgetAcrossTheFleet() throws Exception {
    Instant now = Instant.now();
    PsnWorld world = PsnWorldGenerator.generate(3, 24, 30, 3, now);
    String prefix = "fleetbudget-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator =
        Simulator.start(
            world,
            PsnSimulatorConfig.defaults().withRateLimit(BUDGET, Duration.ofMinutes(1)),
            new SimClock())) {
      Map<String, String> settings = new HashMap<>(TestSettings.scenario(simulator, prefix));
      settings.remove("watch.1");
      settings.put("psn.npsso", PsnWorldGenerator.npsso(0));
      settings.put("psn.budget.requests", Integer.toString(BUDGET));
      settings.put("psn.budget.period", "PT1M");
      settings.put("poll.interval", "PT0.1S");
      settings.put("group.session.timeout", "PT10S");
      for (int i = 0; i < 24; i++) {
        settings.put("watch." + (i + 1), "psn:" + PsnWorldGenerator.accountId(i));
      }
      Map<String, String> first = new HashMap<>(settings);
      first.put("instance.id", "budget-a");
      Map<String, String> second = new HashMap<>(settings);
      second.put("instance.id", "budget-b");
      try (Engine a = Engine.start(PitwallConfig.of(first));
          Engine b = Engine.start(PitwallConfig.of(second))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> owned(a) > 0 && owned(b) > 0 && owned(a) + owned(b) == 24);
        // the shares settle within a few updates; measure a full window from here
        Thread.sleep(5_000);
        Instant from = Instant.now();
        Thread.sleep(MEASURED.toMillis());
        Instant to = Instant.now();

        List<Instant> requests =
            simulator
                .requestLog()
                .matching(
                    e ->
                        e.upstream().equals("psn")
                            && PsnWorldGenerator.accountId(0).equals(e.identity()))
                .stream()
                .map(RequestLog.Entry::at)
                .sorted()
                .toList();
        long refused =
            simulator
                .requestLog()
                .matching(e -> e.upstream().equals("psn") && e.status() == 429)
                .size();
        long measured = requests.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
        double use = measured / (BUDGET * MEASURED.toSeconds() / 60.0);
        int busiest = busiestMinute(requests);
        LOG.info(
            "fleet budget: {} requests in {} s (use {} of the budget), busiest minute {}, {} refused;"
                + " instance a owns {} watches, b {}",
            measured,
            MEASURED.toSeconds(),
            String.format(java.util.Locale.ROOT, "%.3f", use),
            busiest,
            refused,
            owned(a),
            owned(b));
        assertThat(refused).as("the identity's budget was never exceeded (429s)").isZero();
        assertThat(busiest).as("requests in the busiest minute").isLessThanOrEqualTo(BUDGET);
        assertThat(use).as("the fleet's use of the budget").isGreaterThanOrEqualTo(0.9);
        assertThat(polls(a)).as("instance a polls").isPositive();
        assertThat(polls(b)).as("instance b polls").isPositive();
      }
    }
  }

  /** The most requests any window of one minute holds. */
  private static int busiestMinute(List<Instant> sorted) {
    int busiest = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (!sorted.get(start).plusSeconds(60).isAfter(sorted.get(end))) {
        start++;
      }
      busiest = Math.max(busiest, end - start + 1);
    }
    return busiest;
  }

  private static int owned(Engine engine) {
    int count = 0;
    var psn = engine.health().getJsonObject("psn");
    if (psn != null && psn.getJsonObject("watches") != null) {
      count = psn.getJsonObject("watches").size();
    }
    return count;
  }

  private static double polls(Engine engine) {
    return engine.metrics().registry().find("pitwall_polls").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }
}
