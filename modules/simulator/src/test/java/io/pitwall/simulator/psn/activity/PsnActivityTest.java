package io.pitwall.simulator.psn.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.TrophyEarnedFact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsnActivityTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void shouldGenerateTheSameWorldFromTheSameSeed() {
    PsnWorld first = PsnWorldGenerator.generate(42, 5, 30, 6, NOW);
    PsnWorld second = PsnWorldGenerator.generate(42, 5, 30, 6, NOW);

    assertThat(first.groundTruth()).isNotEmpty().isEqualTo(second.groundTruth());
    assertThat(first.titles()).hasSize(30);
    assertThat(first.titles()).extracting(t -> t.serviceName()).contains("trophy", "trophy2");
    assertThat(first.titles()).anyMatch(t -> t.hasTrophyGroups());
    assertThat(first.accounts()).hasSize(5);
    assertThat(first.titlesOf(PsnWorldGenerator.accountId(0), true)).hasSize(6);
  }

  @Test
  void shouldApplyAScenarioInOrderAtItsOffsets() {
    PsnWorld world = PsnWorldGenerator.generate(1, 1, 3, 1, NOW);
    String account = PsnWorldGenerator.accountId(0);
    String title = world.titles().iterator().next().npCommunicationId();
    int before = world.groundTruth().size();
    PsnScenario scenario =
        new PsnScenario()
            .earn(Duration.ofMinutes(1), account, title, 0)
            .earn(Duration.ofMinutes(5), account, title, 1);
    List<String> applied = new ArrayList<>();

    scenario.applyUntil(
        world, NOW, NOW.plus(Duration.ofMinutes(2)), s -> applied.add(s.description()));
    assertThat(applied).hasSize(1);
    scenario.applyUntil(
        world, NOW, NOW.plus(Duration.ofMinutes(10)), s -> applied.add(s.description()));

    assertThat(scenario.finished()).isTrue();
    List<TrophyEarnedFact> facts = world.groundTruth().subList(before, world.groundTruth().size());
    assertThat(facts)
        .extracting(TrophyEarnedFact::earnedAt)
        .allMatch(t -> !t.isBefore(NOW.plus(Duration.ofMinutes(1))));
    assertThatThrownBy(
            () ->
                new PsnScenario()
                    .sync(Duration.ofMinutes(2), account, title)
                    .sync(Duration.ofMinutes(1), account, title))
        .hasMessageContaining("time order");
  }

  @Test
  void shouldEarnTrophiesAtRandomButReproducibly() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PsnWorld first = PsnWorldGenerator.generate(7, 10, 20, 3, NOW.minus(Duration.ofDays(1)));
    PsnWorld second = PsnWorldGenerator.generate(7, 10, 20, 3, NOW.minus(Duration.ofDays(1)));
    RandomPsnActivity a = new RandomPsnActivity(first, clock, 99, 0.5);
    RandomPsnActivity b = new RandomPsnActivity(second, clock, 99, 0.5);
    int earned = 0;
    for (int i = 0; i < 20; i++) {
      earned += a.tick();
      b.tick();
    }

    assertThat(earned).isPositive();
    assertThat(first.groundTruth()).isEqualTo(second.groundTruth());
    assertThat(first.groundTruth().get(first.groundTruth().size() - 1).earnedAt()).isEqualTo(NOW);
  }
}
