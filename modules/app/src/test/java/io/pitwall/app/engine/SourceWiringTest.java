package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.WatchResult;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PSN pool's title metadata does not depend on the pool's first member. */
class SourceWiringTest {

  private static final String PAUSED = "5000000000000000009";
  private static final String PAUSED_NPSSO = "paused-member-npsso";

  private final SimClock clock = new SimClock();
  private final Vertx vertx = Vertx.vertx();
  private final KafkaStateStore states = KafkaStateStore.empty();
  private PsnWorld world;
  private Simulator simulator;

  @AfterEach
  void stop() throws Exception {
    simulator.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldPollThroughTheSecondMemberWhenTheFirstOnesNpssoIsDead() {
    SourcePoller second = pool("npsso-that-sony-no-longer-knows");

    assertNewTrophyFoundThrough(second);
  }

  @Test
  void shouldPollThroughTheSecondMemberWhenTheFirstOnesUpstreamHangs() {
    SourcePoller second = pool(PAUSED_NPSSO);
    simulator.psn().hang(PAUSED);

    assertNewTrophyFoundThrough(second);
  }

  /** A pool of two: member "a" (first, in trouble) and member "b" (healthy); b's poller. */
  private SourcePoller pool(String firstNpsso) {
    world = TrophyScenarios.world(Instant.parse("2026-01-01T00:00:00Z"));
    world.addAccount(PAUSED, "paused", PAUSED_NPSSO, "en");
    simulator = Simulator.start(world, PsnSimulatorConfig.defaults(), clock);
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", "localhost:9");
    settings.put("schema.registry.url", "http://localhost:9");
    settings.put("psn.base.url", simulator.psnBaseUrl());
    settings.put("psn.auth.base.url", simulator.psnAuthBaseUrl());
    settings.put("psn.npsso.a", firstNpsso);
    settings.put("psn.npsso.b", TrophyScenarios.NPSSO);
    settings.put("psn.budget.requests", "100000");
    Map<String, SourcePoller> pollers =
        new SourceWiring(
                vertx,
                PitwallConfig.of(settings),
                Clock.systemUTC(),
                new PitwallMetrics(),
                states,
                new PollingViews(4))
            .pollers();
    return pollers.get(WatchScheduler.credentialId("psn", "b"));
  }

  private void assertNewTrophyFoundThrough(SourcePoller poller) {
    WatchDefinition watch =
        new WatchDefinition(
            WatchKey.parse("psn:" + TrophyScenarios.ACCOUNT),
            null,
            io.pitwall.core.WatchOptions.NONE);
    WatchResult baseline = poll(poller, watch);
    assertThat(baseline.outcome()).isEqualTo(PollOutcome.OK);
    states.put(watch.key().toString(), baseline.state());
    world.earn(TrophyScenarios.ACCOUNT, TrophyScenarios.PS5, 4, clock.instant());

    WatchResult next = poll(poller, watch);

    assertThat(next.outcome()).as(next.detail()).isEqualTo(PollOutcome.OK);
    assertThat(next.events()).hasSize(1);
  }

  private static WatchResult poll(SourcePoller poller, WatchDefinition watch) {
    return poller.poll(List.of(watch), Instant.now()).block(Duration.ofSeconds(20)).get(0);
  }
}
