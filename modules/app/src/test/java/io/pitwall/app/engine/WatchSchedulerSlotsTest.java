package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.schedule.PollScheduler;
import io.pitwall.core.schedule.SchedulingMode;
import io.pitwall.source.api.WatchResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests whose polls never end fill only their credential's share of the poll slots. */
class WatchSchedulerSlotsTest {

  private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @Test
  void shouldKeepHandingOutPsnPollsWhileEveryGtPollHangs() {
    PollScheduler core =
        new PollScheduler(SchedulingMode.ROUND_ROBIN, Duration.ofSeconds(1), Duration.ofHours(1));
    core.addCredential("psn", "psn/default", bucket(), 1);
    core.addCredential("gt", "gt/default", bucket(), 1);
    WatchScheduler scheduler = new WatchScheduler(core, Duration.ofSeconds(1), 4);
    WatchDefinition psn = watch("psn:1000000000000000001");
    scheduler.upsert(psn, T0);
    for (int i = 0; i < 10; i++) {
      scheduler.upsert(watch("gt:" + (9_000_000 + i)), T0);
    }

    for (int round = 0; round < 3; round++) {
      Instant now = T0.plusSeconds(2L * round);
      List<WatchScheduler.Batch> due = scheduler.takeDue(now);

      assertThat(due)
          .as("round " + round + ": the hung GT polls keep their two slots, PSN gets its own")
          .filteredOn(b -> b.dispatch().credential().equals("psn/default"))
          .hasSize(1);
      assertThat(due)
          .as("round " + round + ": GT requests started (2 slots of 4, then none until one ends)")
          .filteredOn(b -> b.dispatch().credential().equals("gt/default"))
          .hasSize(round == 0 ? 2 : 0);
      WatchScheduler.Batch psnPoll =
          due.stream()
              .filter(b -> b.dispatch().credential().equals("psn/default"))
              .findFirst()
              .orElseThrow();
      scheduler.done(
          psnPoll,
          List.of(WatchResult.failed(psn, io.pitwall.core.PollOutcome.UPSTREAM_ERROR, "")),
          now,
          null);
      scheduler.release(psnPoll);
    }
  }

  @Test
  void shouldStartAWaitingRequestOnceASlotOfItsShareFrees() {
    PollScheduler core =
        new PollScheduler(SchedulingMode.ROUND_ROBIN, Duration.ofSeconds(1), Duration.ofHours(1));
    core.addCredential("gt", "gt/default", bucket(), 1);
    WatchScheduler scheduler = new WatchScheduler(core, Duration.ofSeconds(1), 1);
    scheduler.upsert(watch("gt:9000001"), T0);
    scheduler.upsert(watch("gt:9000002"), T0);

    List<WatchScheduler.Batch> first = scheduler.takeDue(T0);
    assertThat(first).hasSize(1);
    assertThat(scheduler.takeDue(T0)).as("the other request waits for the slot").isEmpty();

    scheduler.release(first.get(0));

    List<WatchScheduler.Batch> next = scheduler.takeDue(T0);
    assertThat(next).hasSize(1);
    assertThat(next.get(0).watches()).doesNotContainAnyElementsOf(first.get(0).watches());
  }

  /**
   * Requests are decided when a slot can take them: with a large budget the scheduler once decided
   * every eligible watch at the first round, and those decisions waited in that order while a watch
   * whose bound was at risk came in behind them (the restore benchmark's catch-up stayed on the
   * watches of the first partitions read for that reason).
   */
  @Test
  void shouldDecideOnlyAsManyRequestsAsThereAreFreeSlots() {
    PollScheduler core =
        new PollScheduler(SchedulingMode.ADAPTIVE, Duration.ofSeconds(1), Duration.ofHours(6));
    core.addCredential("psn", "psn/default", bucket(), 1);
    WatchScheduler scheduler = new WatchScheduler(core, Duration.ofSeconds(1), 4);
    for (int i = 0; i < 100; i++) {
      scheduler.upsert(watch("psn:" + (1_000_000_000_000_000_000L + i)), T0);
    }

    List<WatchScheduler.Batch> first = scheduler.takeDue(T0);
    assertThat(first).hasSize(4);
    WatchDefinition urgent =
        new WatchDefinition(
            WatchKey.parse("psn:2000000000000000000"),
            null,
            true,
            null,
            io.pitwall.core.WatchOptions.NONE,
            null,
            Duration.ofSeconds(10));
    scheduler.upsert(urgent, T0);
    Instant later = T0.plusSeconds(10);
    for (WatchScheduler.Batch batch : first) {
      scheduler.done(
          batch,
          batch.watches().stream()
              .map(w -> WatchResult.failed(w, io.pitwall.core.PollOutcome.UPSTREAM_ERROR, ""))
              .toList(),
          later,
          null);
      scheduler.release(batch);
    }

    List<WatchScheduler.Batch> next = scheduler.takeDue(later);
    assertThat(next).hasSize(4);
    assertThat(next.stream().flatMap(b -> b.watches().stream()))
        .as("the watch whose bound is at risk goes in the next decision")
        .contains(urgent);
  }

  @Test
  void shouldDecideNothingBeforeACredentialHasWatches() {
    PollScheduler core =
        new PollScheduler(SchedulingMode.ADAPTIVE, Duration.ofSeconds(1), Duration.ofHours(6));
    core.addCredential("psn", "psn/default", bucket(), 1);
    core.addCredential("gt", "gt/default", bucket(), 1);
    WatchScheduler scheduler = new WatchScheduler(core, Duration.ofSeconds(1), 4);

    assertThat(scheduler.takeDue(T0)).isEmpty();
    scheduler.upsert(watch("gt:9000001"), T0);
    assertThat(scheduler.takeDue(T0)).as("the other credential still has none").hasSize(1);
  }

  private static WatchDefinition watch(String key) {
    return new WatchDefinition(WatchKey.parse(key), null, io.pitwall.core.WatchOptions.NONE);
  }

  private static TokenBucket bucket() {
    return new TokenBucket(CLOCK, 100_000, Duration.ofMinutes(1));
  }
}
