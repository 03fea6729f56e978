package io.pitwall.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.MutableClock;
import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scheduler's behaviours, in both adaptive modes (indexed and exact) where they apply. */
class PollSchedulerTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
  private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

  private final MutableClock clock = new MutableClock(T0);

  private static WatchKey psn(int i) {
    return new WatchKey("psn", "70000000000000" + String.format("%05d", i));
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldHoldEveryWatchsStalenessBoundUnderASaturatedBudget(SchedulingMode mode) {
    TokenBucket budget = new TokenBucket(clock, 300, FIFTEEN_MINUTES);
    PollScheduler scheduler =
        psn(new PollScheduler(mode, Duration.ofSeconds(10), FIFTEEN_MINUTES), budget);
    List<WatchKey> keys = IntStream.range(0, 150).mapToObj(PollSchedulerTest::psn).toList();
    keys.forEach(k -> scheduler.put(k, null, null, null, T0));
    Set<WatchKey> hot = Set.copyOf(keys.subList(0, 10));

    Run run = new Run(scheduler, Map.of("psn/default", budget), hot::contains);
    run.until(T0.plus(Duration.ofHours(6)));

    for (WatchKey key : keys) {
      assertThat(run.maxGap(key, T0))
          .as("staleness of " + key)
          .isLessThanOrEqualTo(FIFTEEN_MINUTES);
    }
    assertThat(run.requests.get("psn/default").size())
        .as("the budget was the bottleneck")
        .isGreaterThan((int) (0.95 * 300 * 24));
    double hotPolls = hot.stream().mapToInt(k -> run.polls(k)).average().orElseThrow();
    double quietPolls =
        keys.stream().filter(k -> !hot.contains(k)).mapToInt(run::polls).average().orElseThrow();
    assertThat(hotPolls).as("active watches are polled more often").isGreaterThan(3 * quietPolls);
  }

  /**
   * After a start a whole restored assignment arrives partition after partition (here 12 groups of
   * 100, in order, over 12 seconds): the catch-up must reach every group early, not the last group
   * after 1,100 others (issue 14's restore figure waited for the last partition's first poll).
   */
  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldReachEveryGroupOfWatchesAddedInOneBurstEarlyInTheCatchUp(SchedulingMode mode) {
    TokenBucket budget = new TokenBucket(clock, 1500, FIFTEEN_MINUTES); // a burst of 30
    // a staleness bound the budget keeps easily: none of them is at risk, all are never polled
    PollScheduler scheduler =
        psn(new PollScheduler(mode, Duration.ofSeconds(10), Duration.ofHours(6)), budget);
    for (int i = 0; i < 1200; i++) {
      scheduler.put(psn(i), null, null, null, T0.plusSeconds(i / 100));
    }
    Instant now = T0.plusSeconds(12);
    clock.set(now);
    Set<Integer> groups = new java.util.HashSet<>();
    int dispatched = 0;
    for (PollScheduler.Dispatch d : scheduler.next(now)) {
      for (WatchKey key : d.watches()) {
        groups.add(Integer.parseInt(key.accountId().substring(14)) / 100);
        dispatched++;
      }
    }
    assertThat(dispatched).as("the burst's requests").isBetween(12, 30);
    assertThat(groups)
        .as("groups reached by the first %d polls of the catch-up", dispatched)
        .hasSizeGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldTakeNeverPolledWatchesOldestFirstAcrossBursts(SchedulingMode mode) {
    PollScheduler later =
        psn(
            new PollScheduler(mode, Duration.ofSeconds(10), FIFTEEN_MINUTES),
            new TokenBucket(clock, 300, FIFTEEN_MINUTES));
    later.put(psn(2), null, null, null, T0);
    later.put(psn(1), null, null, null, T0.plus(ArrivalBursts.GAP).plusSeconds(1));
    // additions that never pause still end their burst after ArrivalBursts.LENGTH
    PollScheduler steady =
        psn(
            new PollScheduler(mode, Duration.ofSeconds(10), FIFTEEN_MINUTES),
            new TokenBucket(clock, 100_000, FIFTEEN_MINUTES)); // a burst that takes every watch
    Instant t = T0;
    for (int i = 1000; !t.isAfter(T0.plus(ArrivalBursts.LENGTH)); i--, t = t.plusSeconds(1)) {
      steady.put(psn(i), null, null, null, t);
    }
    steady.put(psn(1), null, null, null, t);

    Instant now = t.plusSeconds(1);
    assertThat(later.next(now).get(0).watches())
        .as("a watch added after a pause waits for the burst before it")
        .containsExactly(psn(2));
    List<WatchKey> order = steady.next(now).stream().flatMap(d -> d.watches().stream()).toList();
    assertThat(order).as("every watch in one round, in the catch-up's order").hasSize(62);
    assertThat(order.get(order.size() - 1))
        .as("the last addition, in a later burst, comes after the whole earlier burst")
        .isEqualTo(psn(1));
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldSpreadPollsMoreEvenlyWithALargerPrior(SchedulingMode mode) {
    double smallPrior = hotToQuietPolls(mode, 0.5);
    double largePrior = hotToQuietPolls(mode, 50);

    assertThat(smallPrior).as("a small prior follows activity").isGreaterThan(5);
    assertThat(largePrior)
        .as("a large prior makes every watch look alike")
        .isLessThan(smallPrior / 2)
        .isGreaterThan(1);
  }

  /** Mean polls of an always-active watch over those of a quiet one, 6 saturated hours. */
  private double hotToQuietPolls(SchedulingMode mode, double prior) {
    clock.set(T0);
    TokenBucket budget = new TokenBucket(clock, 300, FIFTEEN_MINUTES);
    PollScheduler scheduler =
        psn(new PollScheduler(mode, Duration.ofSeconds(10), Duration.ofDays(1), prior), budget);
    List<WatchKey> keys = IntStream.range(0, 600).mapToObj(PollSchedulerTest::psn).toList();
    keys.forEach(k -> scheduler.put(k, null, null, null, T0));
    Set<WatchKey> hot = Set.copyOf(keys.subList(0, 10));
    Run run = new Run(scheduler, Map.of("psn/default", budget), hot::contains);
    run.until(T0.plus(Duration.ofHours(6)));
    double hotPolls = hot.stream().mapToInt(run::polls).average().orElseThrow();
    double quietPolls =
        keys.stream().filter(k -> !hot.contains(k)).mapToInt(run::polls).average().orElseThrow();
    return hotPolls / quietPolls;
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldPauseExactlyUntilTheServersHint(SchedulingMode mode) {
    TokenBucket budget = new TokenBucket(clock, 300, FIFTEEN_MINUTES);
    PollScheduler scheduler =
        psn(new PollScheduler(mode, Duration.ofSeconds(1), Duration.ofHours(1)), budget);
    scheduler.put(psn(1), null, null, null, T0);
    scheduler.put(psn(2), null, null, null, T0);
    Instant hint = T0.plusSeconds(97);

    budget.pauseUntil(hint);
    clock.set(hint.minusMillis(1));
    assertThat(scheduler.next(clock.instant())).isEmpty();
    clock.set(hint);
    assertThat(scheduler.next(clock.instant())).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldNeverExceedAnyPoolMembersBudget(SchedulingMode mode) {
    PollScheduler scheduler = new PollScheduler(mode, Duration.ofSeconds(5), Duration.ofHours(1));
    TokenBucket big = new TokenBucket(clock, 300, FIFTEEN_MINUTES);
    TokenBucket small = new TokenBucket(clock, 100, FIFTEEN_MINUTES);
    scheduler.addCredential("psn", "psn/a", big, 1);
    scheduler.addCredential("psn", "psn/b", small, 1);
    List<WatchKey> keys = IntStream.range(0, 60).mapToObj(PollSchedulerTest::psn).toList();
    keys.forEach(k -> scheduler.put(k, null, null, null, T0));
    WatchKey pinned = psn(99);
    scheduler.put(pinned, "psn/b", null, null, T0);

    assertThat(keys.stream().filter(k -> scheduler.credentialOf(k).equals("psn/a")).count())
        .as("watches are spread over the pool")
        .isEqualTo(30);
    assertThat(scheduler.credentialOf(pinned)).isEqualTo("psn/b");

    Run run = new Run(scheduler, Map.of("psn/a", big, "psn/b", small), k -> true);
    run.until(T0.plus(Duration.ofHours(2)));

    assertWindowed(run.requests.get("psn/a"), 300);
    assertWindowed(run.requests.get("psn/b"), 100);
    assertThat(run.requests.get("psn/a").size())
        .isGreaterThan(2 * run.requests.get("psn/b").size());
    assertThat(run.polls(pinned)).isPositive();
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldMoveTheSpreadWatchesOfARefusedCredentialToTheLiveMembersOfItsPool(
      SchedulingMode mode) {
    PollScheduler scheduler = new PollScheduler(mode, Duration.ofSeconds(5), Duration.ofHours(1));
    scheduler.addCredential("psn", "psn/a", new TokenBucket(clock, 300, FIFTEEN_MINUTES), 1);
    scheduler.addCredential("psn", "psn/b", new TokenBucket(clock, 300, FIFTEEN_MINUTES), 1);
    List<WatchKey> keys = IntStream.range(0, 10).mapToObj(PollSchedulerTest::psn).toList();
    keys.forEach(k -> scheduler.put(k, null, null, null, T0));
    WatchKey pinned = psn(99);
    scheduler.put(pinned, "psn/a", null, null, T0);

    List<WatchKey> moved = scheduler.credentialDead("psn/a");

    assertThat(moved).hasSize(5).doesNotContain(pinned);
    assertThat(keys).allMatch(k -> scheduler.credentialOf(k).equals("psn/b"));
    assertThat(scheduler.credentialOf(pinned)).as("a watch that named it stays").isEqualTo("psn/a");
    WatchKey added = psn(50);
    scheduler.put(added, null, null, null, T0);
    assertThat(scheduler.credentialOf(added)).as("no new watch goes to it").isEqualTo("psn/b");

    scheduler.credentialAlive("psn/a");
    WatchKey later = psn(51);
    scheduler.put(later, null, null, null, T0);
    assertThat(scheduler.credentialOf(later))
        .as("alive again, it takes new ones")
        .isEqualTo("psn/a");
    scheduler.credentialDead("psn/a");
    assertThat(scheduler.credentialDead("psn/b")).as("never onto a dead member").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldPollNeverPolledWatchesFirst(SchedulingMode mode) {
    TokenBucket budget = new TokenBucket(clock, 300, FIFTEEN_MINUTES, 1);
    PollScheduler scheduler =
        psn(new PollScheduler(mode, Duration.ofSeconds(1), Duration.ofHours(1)), budget);
    scheduler.put(psn(1), null, null, null, T0);
    PollScheduler.Dispatch first = scheduler.next(T0).get(0);
    budget.tryTake();
    scheduler.done(
        first, List.of(PollScheduler.Report.ok(psn(1), List.of(T0.minusSeconds(30)))), T0);

    clock.advance(Duration.ofMinutes(5));
    scheduler.put(psn(2), null, null, null, clock.instant());
    assertThat(scheduler.next(clock.instant()))
        .extracting(PollScheduler.Dispatch::watches)
        .containsExactly(List.of(psn(2)));
  }

  @Test
  void shouldCycleEvenlyInRoundRobin() {
    TokenBucket budget = new TokenBucket(clock, 300, FIFTEEN_MINUTES);
    PollScheduler scheduler =
        psn(
            new PollScheduler(
                SchedulingMode.ROUND_ROBIN, Duration.ofSeconds(1), Duration.ofHours(1)),
            budget);
    List<WatchKey> keys = IntStream.range(0, 40).mapToObj(PollSchedulerTest::psn).toList();
    keys.forEach(k -> scheduler.put(k, null, null, null, T0));
    Set<WatchKey> hot = Set.copyOf(keys.subList(0, 5));

    Run run = new Run(scheduler, Map.of("psn/default", budget), hot::contains);
    run.until(T0.plus(Duration.ofHours(1)));

    int least = keys.stream().mapToInt(run::polls).min().orElseThrow();
    int most = keys.stream().mapToInt(run::polls).max().orElseThrow();
    assertThat(most - least).as("round-robin ignores activity").isLessThanOrEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldFillGridstatsBatchesWithTheMostValuableDrivers(SchedulingMode mode) {
    PollScheduler scheduler = new PollScheduler(mode, Duration.ofMinutes(1), Duration.ofHours(6));
    TokenBucket budget = new TokenBucket(clock, 1000, Duration.ofDays(1), 1);
    scheduler.addCredential("gridstats", "gridstats/default", budget, 16);
    List<WatchKey> drivers =
        IntStream.range(0, 40).mapToObj(i -> new WatchKey("gridstats", "d" + i)).toList();
    drivers.forEach(k -> scheduler.put(k, null, null, null, T0));

    Map<WatchKey, Integer> active = Map.of(drivers.get(37), 5, drivers.get(22), 3);
    Instant now = T0;
    for (int request = 0; request < 3; request++) {
      now = now.plus(Duration.ofMinutes(2));
      clock.set(now);
      List<PollScheduler.Dispatch> out = scheduler.next(now);
      assertThat(out).hasSize(1);
      budget.tryTake();
      List<PollScheduler.Report> reports = new ArrayList<>();
      for (WatchKey k : out.get(0).watches()) {
        List<Instant> changes = new ArrayList<>();
        for (int c = 0; c < active.getOrDefault(k, 0); c++) {
          changes.add(now.minusSeconds(30));
        }
        reports.add(PollScheduler.Report.ok(k, changes));
      }
      scheduler.done(out.get(0), reports, now);
      assertThat(out.get(0).watches()).hasSizeLessThanOrEqualTo(16);
    }
    clock.set(now.plus(Duration.ofMinutes(30)));
    budget.pauseUntil(clock.instant());
    List<PollScheduler.Dispatch> next = scheduler.next(clock.instant());
    assertThat(next).hasSize(1);
    assertThat(next.get(0).watches()).hasSize(16);
    assertThat(next.get(0).watches().subList(0, 2))
        .as("the active drivers lead the batch")
        .containsExactlyInAnyOrder(drivers.get(37), drivers.get(22));
  }

  @Test
  void shouldRefuseAPriorThatIsNotAPositiveNumber() {
    for (double prior : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(
              () ->
                  new PollScheduler(
                      SchedulingMode.ADAPTIVE, Duration.ofMinutes(1), Duration.ofHours(1), prior))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("prior");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldRefuseAnUnknownCredential(SchedulingMode mode) {
    PollScheduler scheduler =
        psn(
            new PollScheduler(mode, Duration.ofSeconds(1), Duration.ofHours(1)),
            new TokenBucket(clock, 300, FIFTEEN_MINUTES));
    assertThatThrownBy(() -> scheduler.put(psn(1), "psn/other", null, null, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown credential psn/other");
    assertThatThrownBy(() -> scheduler.put(new WatchKey("gt", "1"), null, null, null, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no credential configured for gt");
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldReportStalenessFromAddedOrLastSuccessfulPoll(SchedulingMode mode) {
    PollScheduler scheduler =
        psn(
            new PollScheduler(mode, Duration.ofSeconds(1), Duration.ofHours(1)),
            new TokenBucket(clock, 300, FIFTEEN_MINUTES));
    scheduler.put(psn(1), null, null, null, T0);
    scheduler.put(psn(2), null, null, null, T0.plusSeconds(30));

    assertThat(scheduler.maxStaleness("psn", T0.plusSeconds(100)))
        .isEqualTo(Duration.ofSeconds(100));
    List<PollScheduler.Dispatch> out = scheduler.next(T0.plusSeconds(100));
    PollScheduler.Dispatch one =
        out.stream().filter(d -> d.watches().contains(psn(1))).findFirst().orElseThrow();
    assertThat(
            scheduler.done(
                one, List.of(PollScheduler.Report.ok(psn(1), List.of())), T0.plusSeconds(100)))
        .containsEntry(psn(1), Duration.ofSeconds(100));
    assertThat(scheduler.maxStaleness("psn", T0.plusSeconds(110)))
        .as("psn 2, never refreshed, is now the stalest")
        .isEqualTo(Duration.ofSeconds(80));
    assertThat(scheduler.remove(psn(2))).isTrue();
    assertThat(scheduler.maxStaleness("psn", T0.plusSeconds(110)))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(scheduler.maxStaleness("gt", T0.plusSeconds(110))).isZero();
    assertThat(scheduler.keys("psn")).containsExactly(psn(1));
  }

  @ParameterizedTest
  @EnumSource(names = {"ADAPTIVE", "ADAPTIVE_EXACT"})
  void shouldTakeAFirstPollsHistoryAsActivityButOnlyOnce(SchedulingMode mode) {
    TokenBucket budget = new TokenBucket(clock, 300, FIFTEEN_MINUTES, 2);
    PollScheduler scheduler =
        psn(new PollScheduler(mode, Duration.ofSeconds(1), Duration.ofDays(1)), budget);
    scheduler.put(psn(1), null, null, null, T0);
    scheduler.put(psn(2), null, null, null, T0);
    List<Instant> recentSessions =
        List.of(
            T0.minus(Duration.ofDays(1)),
            T0.minus(Duration.ofDays(2)),
            T0.minus(Duration.ofDays(3)));
    for (PollScheduler.Dispatch d : scheduler.next(T0)) {
      budget.tryTake();
      WatchKey key = d.watches().get(0);
      scheduler.done(
          d,
          List.of(
              PollScheduler.Report.ok(
                  key,
                  List.of(),
                  key.equals(psn(2)) ? recentSessions : List.of(T0.minus(Duration.ofDays(400))))),
          T0);
    }

    clock.set(T0.plus(Duration.ofMinutes(10)));
    List<PollScheduler.Dispatch> next = scheduler.next(clock.instant());
    assertThat(next.get(0).watches())
        .as("the account that played in the last days goes first")
        .containsExactly(psn(2));

    List<Instant> flood =
        IntStream.range(0, 20).mapToObj(i -> clock.instant().minus(Duration.ofHours(i))).toList();
    for (PollScheduler.Dispatch d : next) {
      budget.tryTake();
      WatchKey key = d.watches().get(0);
      scheduler.done(
          d,
          List.of(PollScheduler.Report.ok(key, List.of(), key.equals(psn(1)) ? flood : List.of())),
          clock.instant());
    }
    clock.set(T0.plus(Duration.ofMinutes(20)));
    assertThat(scheduler.next(clock.instant()).get(0).watches())
        .as("history reported again on a later poll is not counted twice")
        .containsExactly(psn(2));
  }

  /** The scheduler with one PSN credential, {@code psn/default}, on that budget. */
  private static PollScheduler psn(PollScheduler scheduler, TokenBucket budget) {
    scheduler.addCredential("psn", "psn/default", budget, 1);
    return scheduler;
  }

  private static void assertWindowed(List<Instant> requests, int limit) {
    for (int i = 0; i < requests.size(); i++) {
      Instant end = requests.get(i).plus(FIFTEEN_MINUTES);
      int inWindow = 0;
      for (int j = i; j < requests.size() && requests.get(j).isBefore(end); j++) {
        inWindow++;
      }
      assertThat(inWindow).isLessThanOrEqualTo(limit);
    }
  }

  /**
   * Drives a scheduler second by second on the virtual clock. A poll's first request must find a
   * token at once (the scheduler only offers work it has tokens for); a poll of an active watch
   * costs a second request, which waits for a token as the real client does.
   */
  private final class Run {
    final PollScheduler scheduler;
    final Map<String, TokenBucket> budgets;
    final Predicate<WatchKey> active;
    final Map<String, List<Instant>> requests = new HashMap<>();
    final Map<WatchKey, List<Instant>> oks = new HashMap<>();
    final List<Pending> pending = new ArrayList<>();

    record Pending(PollScheduler.Dispatch dispatch, int[] tokensLeft) {}

    Run(PollScheduler scheduler, Map<String, TokenBucket> budgets, Predicate<WatchKey> active) {
      this.scheduler = scheduler;
      this.budgets = budgets;
      this.active = active;
      budgets.keySet().forEach(id -> requests.put(id, new ArrayList<>()));
    }

    void until(Instant end) {
      while (clock.instant().isBefore(end)) {
        Instant now = clock.instant();
        for (PollScheduler.Dispatch d : scheduler.next(now)) {
          assertThat(budgets.get(d.credential()).tryTake())
              .as("a token for every request the scheduler offers")
              .isTrue();
          requests.get(d.credential()).add(now);
          boolean costly = d.watches().stream().anyMatch(active);
          pending.add(new Pending(d, new int[] {costly ? 1 : 0}));
        }
        for (Pending p : List.copyOf(pending)) {
          TokenBucket budget = budgets.get(p.dispatch().credential());
          while (p.tokensLeft()[0] > 0 && budget.tryTake()) {
            p.tokensLeft()[0]--;
            requests.get(p.dispatch().credential()).add(now);
          }
          if (p.tokensLeft()[0] == 0) {
            pending.remove(p);
            List<PollScheduler.Report> reports = new ArrayList<>();
            for (WatchKey k : p.dispatch().watches()) {
              oks.computeIfAbsent(k, x -> new ArrayList<>()).add(now);
              reports.add(
                  PollScheduler.Report.ok(
                      k, active.test(k) ? List.of(now.minusSeconds(5)) : List.of()));
            }
            scheduler.done(p.dispatch(), reports, now);
          }
        }
        clock.advance(Duration.ofSeconds(1));
      }
    }

    int polls(WatchKey key) {
      return oks.getOrDefault(key, List.of()).size();
    }

    Duration maxGap(WatchKey key, Instant added) {
      Duration max = Duration.ZERO;
      Instant previous = added;
      for (Instant at : oks.getOrDefault(key, List.of())) {
        Duration gap = Duration.between(previous, at);
        max = gap.compareTo(max) > 0 ? gap : max;
        previous = at;
      }
      Duration sinceLast = Duration.between(previous, clock.instant());
      return sinceLast.compareTo(max) > 0 ? sinceLast : max;
    }
  }
}
