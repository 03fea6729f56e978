package io.pitwall.source.gridstats;

import static io.pitwall.source.gridstats.GridstatsSimulator.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.simulator.gt.QuotaSpelling;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client reads every common spelling of the accounting headers from the simulated API. */
class GridstatsClientQuotaTest {

  private static final int QUOTA = 3;
  private final GridstatsSimulator sim = new GridstatsSimulator(QUOTA);

  @AfterEach
  void stop() {
    sim.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = QuotaSpelling.class,
      names = {"X_RATELIMIT", "IETF_DRAFT", "HTTP_DATE"})
  void shouldCapTheBudgetAtWhatRemainsAndPauseItUntilTheReset(QuotaSpelling spelling)
      throws Exception {
    sim.world.faults().spellQuotaAs(spelling);
    TokenBucket budget = GridstatsSimulator.budget();
    GridstatsClient client = sim.client(GridstatsSimulator.FIRST, budget, Duration.ofSeconds(10));
    Instant start = Instant.now();

    await(client.racers(List.of("skino2024")));
    assertThat(budget.available()).as("capped at the 2 requests left").isLessThanOrEqualTo(2);
    await(client.racers(List.of("skino2024")));
    await(client.racers(List.of("skino2024")));

    assertThat(budget.pausedUntil())
        .as("the last request of the window pauses the bucket until the window's reset")
        .isNotNull()
        .isCloseTo(start.plus(Duration.ofHours(1)), within(5, ChronoUnit.SECONDS));
    assertThat(sim.unreadable).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = QuotaSpelling.class,
      names = {"X_RATELIMIT", "IETF_DRAFT", "HTTP_DATE"})
  void shouldPauseTheBudgetUntilTheRetryAfterOfA429(QuotaSpelling spelling) throws Exception {
    sim.world.faults().spellQuotaAs(spelling);
    sim.world.exhaustQuotaOnce();
    TokenBucket budget = GridstatsSimulator.budget();
    GridstatsClient client = sim.client(GridstatsSimulator.FIRST, budget, Duration.ofSeconds(10));
    Instant start = Instant.now();

    assertRateLimited(client);

    assertThat(budget.pausedUntil())
        .as("the injected exhaustion lifts about two seconds later")
        .isNotNull()
        .isBetween(start, start.plusSeconds(4));
  }

  @Test
  void shouldCountUnreadableQuotaHeadersAndStillAnswer() throws Exception {
    sim.world.faults().spellQuotaAs(QuotaSpelling.GARBLED);
    TokenBucket budget = GridstatsSimulator.budget();
    GridstatsClient client = sim.client(GridstatsSimulator.FIRST, budget, Duration.ofSeconds(10));

    GridstatsClient.Racers racers = await(client.racers(List.of("skino2024")));

    assertThat(racers.drivers()).containsKey("skino2024");
    assertThat(sim.unreadable)
        .containsExactlyInAnyOrder(
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    assertThat(budget.pausedUntil()).isNull();
  }

  @Test
  void shouldPauseForTheDefaultAfterA429WhoseHintsAreUnreadable() throws Exception {
    sim.world.faults().spellQuotaAs(QuotaSpelling.GARBLED);
    sim.world.exhaustQuotaOnce();
    TokenBucket budget = GridstatsSimulator.budget();
    GridstatsClient client = sim.client(GridstatsSimulator.FIRST, budget, Duration.ofSeconds(10));
    Instant start = Instant.now();

    assertRateLimited(client);

    assertThat(sim.unreadable).contains("Retry-After");
    assertThat(budget.pausedUntil())
        .isCloseTo(start.plus(Duration.ofSeconds(60)), within(5, ChronoUnit.SECONDS));
  }

  private static void assertRateLimited(GridstatsClient client) {
    assertThatThrownBy(() -> await(client.racers(List.of("skino2024"))))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(UpstreamException.class)
        .satisfies(
            e -> assertThat(((UpstreamException) e).outcome()).isEqualTo(PollOutcome.RATE_LIMITED));
  }
}
