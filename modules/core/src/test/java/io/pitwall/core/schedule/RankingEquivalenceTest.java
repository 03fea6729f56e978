package io.pitwall.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.MutableClock;
import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The optimised {@link Ranking#adaptive} returns exactly the head of the full ranking ({@link
 * ReferenceRanking}) that a round dispatches, on random watch populations with many ties (added at
 * the same instants, equal deadlines, never-polled ones, equal backlogs).
 */
class RankingEquivalenceTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  @Test
  void shouldRankTheSameHeadAsTheFullSortOnRandomPopulations() {
    Random random = new Random(14);
    int compared = 0;
    for (int round = 0; round < 400; round++) {
      MutableClock clock = new MutableClock(T0);
      int batchSize = random.nextBoolean() ? 1 : 1 + random.nextInt(16);
      CredentialState credential =
          new CredentialState(
              "psn/default",
              "psn",
              new TokenBucket(clock, 50 + random.nextInt(1000), Duration.ofMinutes(15)),
              batchSize);
      Instant now = T0.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
      List<ScheduledWatch> idle = population(random, 1 + random.nextInt(300), now);
      List<ScheduledWatch> eligible = idle.stream().filter(e -> e.eligible(now)).toList();
      if (eligible.isEmpty()) {
        continue;
      }
      int requests = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);

      List<ScheduledWatch> reference =
          ReferenceRanking.adaptive(eligible, idle, credential, requests, now);
      List<ScheduledWatch> head = Ranking.adaptive(eligible, idle, credential, requests, now);

      int wanted = Math.min(eligible.size(), requests * batchSize);
      assertThat(head).as("round " + round).isEqualTo(reference.subList(0, wanted));
      compared++;
    }
    assertThat(compared).as("rounds with eligible watches").isGreaterThan(300);
  }

  @Test
  void shouldTopUpByBacklogAsTheFullSortDoes() {
    Random random = new Random(15);
    for (int round = 0; round < 200; round++) {
      Instant now = T0.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
      List<ScheduledWatch> entries = population(random, random.nextInt(200), now);
      int limit = random.nextInt(20);

      List<ScheduledWatch> full = ReferenceRanking.byBacklog(entries, now);

      assertThat(Ranking.topByBacklog(entries, limit, now))
          .as("round " + round)
          .isEqualTo(full.subList(0, Math.min(limit, full.size())));
    }
  }

  /** Watches with coarse (so often equal) times, some never polled, some with activity. */
  private static List<ScheduledWatch> population(Random random, int size, Instant now) {
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
        }
        for (int c = random.nextInt(4); c > 0; c--) {
          e.activity.record(e.lastAttempt.minus(Duration.ofMinutes(random.nextInt(600))), now);
        }
      }
      watches.add(e);
    }
    return watches;
  }
}
