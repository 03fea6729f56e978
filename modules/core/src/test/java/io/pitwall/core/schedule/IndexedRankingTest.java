package io.pitwall.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.MutableClock;
import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The index ({@link CredentialIndex#rank}) against the exact ranking ({@link ReferenceRanking}) on
 * random populations with many ties: the at-risk watches exactly as the exact rule has them at a
 * budget pace between the true one and {@link DeadlineTree#PACE_SLACK}² slower (the rounding the
 * tree allows), then exactly the never-polled ones by arrival, then backlog picks each within
 * {@link BacklogBuckets#RATIO} of the best watch not yet taken. Half the populations are indexed
 * hours before the round, so that rates have decayed below their buckets and heads are demoted.
 */
class IndexedRankingTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  @Test
  void shouldRankAsTheExactRankingWithinItsBounds() {
    Random random = new Random(41);
    int compared = 0;
    int withAtRisk = 0;
    int withBacklog = 0;
    long demotions = 0;
    for (int round = 0; round < 500; round++) {
      MutableClock clock = new MutableClock(T0);
      int batchSize = random.nextBoolean() ? 1 : 1 + random.nextInt(16);
      CredentialIndex index = new CredentialIndex(12.0);
      CredentialState credential =
          new CredentialState(
              "psn/default",
              "psn",
              new TokenBucket(clock, 50 + random.nextInt(1000), Duration.ofMinutes(15)),
              batchSize,
              index);
      Instant now = T0.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
      Instant indexedAt =
          random.nextBoolean() ? now : now.minus(Duration.ofMinutes(random.nextInt(180)));
      List<ScheduledWatch> all = population(random, 1 + random.nextInt(300), now, indexedAt);
      all.forEach(w -> index.attach(w, indexedAt));
      List<ScheduledWatch> idle = all.stream().filter(e -> !e.held(now)).toList();
      List<ScheduledWatch> eligible = idle.stream().filter(e -> e.eligible(now)).toList();
      int requests = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);

      List<ScheduledWatch> ranked = index.rank(credential, requests, now);

      String as = "round " + round;
      int wanted = Math.min(eligible.size(), requests * batchSize);
      assertThat(ranked).as(as).hasSize(wanted).doesNotHaveDuplicates();
      assertThat(eligible).as(as).containsAll(ranked);
      if (eligible.isEmpty()) {
        continue;
      }
      compared++;
      double pace = 1 / watchesPerSecond(credential);
      List<ScheduledWatch> fewest = atRiskEligible(idle, eligible, credential, requests, pace, now);
      List<ScheduledWatch> most =
          atRiskEligible(
              idle,
              eligible,
              credential,
              requests,
              pace * DeadlineTree.PACE_SLACK * DeadlineTree.PACE_SLACK,
              now);
      List<ScheduledWatch> atRisk = ranked.subList(0, index.lastAtRisk);
      assertThat(atRisk).as(as + ": at risk").isEqualTo(prefix(atRisk.size(), fewest, most));
      assertThat(atRisk.size())
          .as(as + ": at risk")
          .isBetween(Math.min(wanted, fewest.size()), Math.min(wanted, most.size()));
      withAtRisk += atRisk.isEmpty() ? 0 : 1;

      Set<ScheduledWatch> taken = new HashSet<>(atRisk);
      List<ScheduledWatch> neverPolled =
          eligible.stream()
              .filter(e -> e.lastAttempt == null && !taken.contains(e))
              .sorted(ScheduledWatch.ARRIVAL)
              .limit(wanted - atRisk.size())
              .toList();
      int np = index.lastAtRisk + index.lastNeverPolled;
      assertThat(ranked.subList(index.lastAtRisk, np))
          .as(as + ": never polled")
          .isEqualTo(neverPolled);
      taken.addAll(neverPolled);

      for (ScheduledWatch pick : ranked.subList(np, ranked.size())) {
        double best =
            eligible.stream()
                .filter(e -> !taken.contains(e))
                .mapToDouble(e -> e.backlog(now))
                .max()
                .orElseThrow();
        assertThat(pick.lastAttempt).as(as).isNotNull();
        assertThat(pick.backlog(now) * BacklogBuckets.RATIO)
            .as(as + ": a backlog pick within the ratio of the best left")
            .isGreaterThanOrEqualTo(best * (1 - 1e-9));
        taken.add(pick);
        withBacklog++;
      }
      assertThat(index.readyCount()).as(as).isEqualTo(eligible.size() - wanted);
      demotions += demotionsOf(index);
    }
    assertThat(compared).as("rounds with eligible watches").isGreaterThan(400);
    assertThat(withAtRisk).as("rounds with watches at risk").isGreaterThan(50);
    assertThat(withBacklog).as("backlog picks").isGreaterThan(1000);
    assertThat(demotions).as("heads moved down to the bucket they decayed to").isPositive();
  }

  @Test
  void shouldTopUpFromTheCoolingWatchesByBacklog() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      Instant now = T0.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
      CredentialIndex index = new CredentialIndex(12.0);
      List<ScheduledWatch> all = population(random, random.nextInt(200), now, now);
      all.forEach(w -> index.attach(w, now));
      List<ScheduledWatch> cooling =
          all.stream().filter(e -> !e.held(now) && !e.eligible(now)).toList();
      all.stream()
          .filter(e -> !e.held(now) && e.eligible(now))
          .forEach(index::detach); // as a round takes every eligible watch before a top-up
      int limit = random.nextInt(20);

      List<ScheduledWatch> more = index.topUp(limit, now);

      assertThat(more).hasSize(Math.min(limit, cooling.size())).doesNotHaveDuplicates();
      Set<ScheduledWatch> taken = new HashSet<>();
      for (ScheduledWatch pick : more) {
        double best =
            cooling.stream()
                .filter(e -> !taken.contains(e))
                .mapToDouble(e -> e.backlog(now))
                .max()
                .orElseThrow();
        assertThat(cooling).contains(pick);
        assertThat(pick.backlog(now) * BacklogBuckets.RATIO)
            .isGreaterThanOrEqualTo(best * (1 - 1e-9));
        taken.add(pick);
      }
    }
  }

  private static long demotionsOf(CredentialIndex index) {
    return index.backlogDemotions();
  }

  /** The first {@code n} of {@code most}, checked to start with {@code fewest}'s. */
  private static List<ScheduledWatch> prefix(
      int n, List<ScheduledWatch> fewest, List<ScheduledWatch> most) {
    assertThat(most.subList(0, fewest.size())).isEqualTo(fewest);
    return most.subList(0, Math.min(n, most.size()));
  }

  private static double watchesPerSecond(CredentialState credential) {
    return credential.budget.refillPerSecond()
        * credential.batchSize
        / (PollScheduler.COST_MARGIN * credential.tokensPerRequest());
  }

  /**
   * The eligible watches the exact rule ({@code Ranking}'s) puts at risk, in deadline order, at a
   * pace of {@code pace} seconds per watch.
   */
  private static List<ScheduledWatch> atRiskEligible(
      List<ScheduledWatch> idle,
      List<ScheduledWatch> eligible,
      CredentialState credential,
      int requests,
      double pace,
      Instant now) {
    List<ScheduledWatch> byDeadline =
        idle.stream()
            .sorted(
                Comparator.comparing(ScheduledWatch::deadline).thenComparingLong(w -> w.sequence))
            .toList();
    double ready = (double) requests * credential.batchSize;
    int last = -1;
    for (int k = 0; k < byDeadline.size(); k++) {
      ScheduledWatch e = byDeadline.get(k);
      double reachedIn = Math.max(0, k + 1 - ready) * pace;
      double margin = e.max.toMillis() / 20_000.0;
      double left = Duration.between(now, e.deadline()).toMillis() / 1000.0;
      if (left <= reachedIn + margin) {
        last = k;
      }
    }
    Set<ScheduledWatch> isEligible = new HashSet<>(eligible);
    return byDeadline.subList(0, last + 1).stream().filter(isEligible::contains).toList();
  }

  /**
   * Watches with coarse (so often equal) times, some never polled, some held, some with activity
   * (as {@link RankingEquivalenceTest}'s, with retry pauses), the activity recorded as of {@code
   * recorded} (so that it has decayed by {@code now}).
   */
  static List<ScheduledWatch> population(Random random, int size, Instant now, Instant recorded) {
    List<ScheduledWatch> watches = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Instant added = T0.minus(Duration.ofHours(random.nextInt(3)));
      ScheduledWatch e = new ScheduledWatch(new WatchKey("psn", "account-" + i), added, 12.0, i);
      e.min = Duration.ofMinutes(1 + random.nextInt(2));
      e.max = Duration.ofHours(1 + random.nextInt(6));
      if (random.nextInt(4) > 0) {
        Instant attempt = now.minus(Duration.ofMinutes(random.nextInt(8 * 60) / 10 * 10));
        e.lastAttempt = attempt.isBefore(added) ? added : attempt;
        if (random.nextInt(5) > 0) {
          e.lastOk = e.lastAttempt;
        } else if (random.nextBoolean()) {
          e.retryAt = e.lastAttempt.plus(Duration.ofMinutes(random.nextInt(4) * 10));
        }
        for (int c = random.nextInt(4); c > 0; c--) {
          e.activity.record(e.lastAttempt.minus(Duration.ofMinutes(random.nextInt(600))), recorded);
        }
      }
      watches.add(e);
    }
    return watches;
  }
}
