package io.pitwall.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.MutableClock;
import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index's bookkeeping under everything a scheduler goes through: random puts (new watches,
 * moves by name, new bounds), removals, dead and live credentials, rounds, and reports that
 * succeed, see changes, or fail with and without a retry pause. Before every round each
 * credential's index holds exactly the watches a scan would find idle and eligible, and a round
 * dispatches only idle watches.
 */
class IndexConsistencyTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  @Test
  void shouldKeepTheIndexEqualToAScanOfTheWatches() {
    Random random = new Random(7);
    MutableClock clock = new MutableClock(T0);
    PollScheduler scheduler =
        new PollScheduler(SchedulingMode.ADAPTIVE, Duration.ofMinutes(1), Duration.ofHours(2));
    List<String> ids = List.of("psn/a", "psn/b", "psn/c");
    for (String id : ids) {
      scheduler.addCredential(
          "psn", id, new TokenBucket(clock, 600, Duration.ofMinutes(15), 6), 1 + random.nextInt(4));
    }
    List<WatchKey> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      keys.add(new WatchKey("psn", "account-" + i));
    }
    List<PollScheduler.Dispatch> inFlight = new ArrayList<>();
    int dispatched = 0;
    for (int step = 0; step < 3000; step++) {
      clock.advance(Duration.ofSeconds(random.nextInt(20)));
      Instant now = clock.instant();
      int action = random.nextInt(100);
      WatchKey key = keys.get(random.nextInt(keys.size()));
      if (action < 10) {
        String named = random.nextInt(3) == 0 ? ids.get(random.nextInt(ids.size())) : null;
        Duration min = random.nextBoolean() ? null : Duration.ofSeconds(30 + random.nextInt(300));
        Duration max = random.nextBoolean() ? null : Duration.ofMinutes(20 + random.nextInt(200));
        scheduler.put(key, named, min, max, now);
      } else if (action < 12) {
        scheduler.remove(key);
      } else if (action < 13) {
        scheduler.credentialDead(ids.get(random.nextInt(ids.size())));
      } else if (action < 15) {
        scheduler.credentialAlive(ids.get(random.nextInt(ids.size())));
      } else if (action < 55 && !inFlight.isEmpty()) {
        PollScheduler.Dispatch d = inFlight.remove(random.nextInt(inFlight.size()));
        List<PollScheduler.Report> reports = new ArrayList<>();
        for (WatchKey k : d.watches()) {
          int outcome = random.nextInt(10);
          if (outcome == 0) {
            reports.add(PollScheduler.Report.failed(k, now.plusSeconds(random.nextInt(600))));
          } else if (outcome == 1) {
            reports.add(PollScheduler.Report.failed(k, null));
          } else if (outcome == 2) {
            continue; // not reported: only released
          } else {
            reports.add(
                PollScheduler.Report.ok(
                    k, outcome == 3 ? List.of(now.minusSeconds(random.nextInt(900))) : List.of()));
          }
        }
        scheduler.done(d, reports, now);
      } else {
        assertConsistent(scheduler, ids, now, "step " + step);
        for (PollScheduler.Dispatch d : scheduler.next(now)) {
          for (WatchKey k : d.watches()) {
            ScheduledWatch w = scheduler.watch(k);
            assertThat(w.inFlight).isTrue();
            assertThat(w.held(now)).as("step %d: %s dispatched while held", step, k).isFalse();
          }
          scheduler.credentialState(d.credential()).budget.tryTake();
          inFlight.add(d);
          dispatched++;
        }
      }
    }
    assertThat(dispatched).as("requests dispatched").isGreaterThan(500);
  }

  private static void assertConsistent(
      PollScheduler scheduler, List<String> ids, Instant now, String as) {
    for (String id : ids) {
      CredentialState c = scheduler.credentialState(id);
      c.index.advance(now);
      int idle = 0;
      int eligible = 0;
      for (Map.Entry<Long, ScheduledWatch> m : c.members.entrySet()) {
        ScheduledWatch w = m.getValue();
        if (!w.inFlight && !w.held(now)) {
          idle++;
          eligible += w.eligible(now) ? 1 : 0;
        }
      }
      assertThat(c.index.idleCount()).as(as + ": idle of " + id).isEqualTo(idle);
      assertThat(c.index.readyCount()).as(as + ": eligible of " + id).isEqualTo(eligible);
    }
  }
}
