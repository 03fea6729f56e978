package io.pitwall.core.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * One credential's watches indexed for {@link SchedulingMode#ADAPTIVE}, so that a round costs O(log
 * n) per watch it dispatches instead of a pass over all n.
 *
 * <p>Every watch that is not in flight is in exactly one slot ({@link ScheduledWatch.Slot}):
 *
 * <ul>
 *   <li>{@code HELD}: a retry pause holds it; only in the timer queue, until {@code retryAt};
 *   <li>{@code COOLING}: idle, but its minimum interval since the last attempt has not passed; in
 *       the deadline tree (it counts in the at-risk walk as in {@link Ranking}), in the cooling
 *       backlog buckets (a batch's top-up rides along with the most valuable of them) and in the
 *       timer queue until it becomes eligible;
 *   <li>{@code READY}: eligible; in the deadline tree, in the ready-by-deadline set, and in the
 *       never-polled set (never attempted) or else the ready backlog buckets.
 * </ul>
 *
 * A watch in flight is in none. A watch's fields that the orders read (times, bounds, activity,
 * credential) change only while it is out of the index: the scheduler detaches it first and
 * attaches it again after. Slots are decided against the latest time the index was given, so time
 * is taken as never going back (the engine's clock); a timer fires in the first round at or after
 * its instant, exactly when {@link Ranking} would see the watch change.
 *
 * <p>A round ({@link #rank}) takes, as {@link Ranking#adaptive} does: the ready watches in deadline
 * order up to the at-risk frontier ({@link DeadlineTree#lastAtRisk}: exact but for the pace
 * rounding explained there), then never-polled watches by {@link ScheduledWatch#ARRIVAL} (exact),
 * then by backlog ({@link BacklogBuckets#best}: each pick within {@link BacklogBuckets#RATIO} of
 * the best remaining). Not thread-safe: confined with its scheduler.
 */
final class CredentialIndex {

  private static final Comparator<ScheduledWatch> BY_DEADLINE =
      (a, b) -> a.deadlineNode.compareTo(b.deadlineNode);

  /**
   * A watch's timer: a heap entry, stale once the watch left the slot it was set for (its {@code
   * timerStamp} moved on), and then skipped when it comes up.
   */
  private record Timer(Instant at, long stamp, ScheduledWatch watch) {}

  private static final Comparator<Timer> BY_TIME =
      (a, b) -> {
        int c = a.at.compareTo(b.at);
        return c != 0 ? c : Long.compare(a.stamp, b.stamp);
      };

  private final DeadlineTree idle = new DeadlineTree();
  private final TreeSet<ScheduledWatch> readyByDeadline = new TreeSet<>(BY_DEADLINE);
  private final TreeSet<ScheduledWatch> neverPolled = new TreeSet<>(ScheduledWatch.ARRIVAL);
  private final BacklogBuckets ready;
  private final BacklogBuckets cooling;

  /** The timers (a heap: an array, kinder to the cache than a tree), with stale entries. */
  private final PriorityQueue<Timer> timers = new PriorityQueue<>(BY_TIME);

  private long stamps;

  /** How many of the last {@link #rank}'s watches were at risk, then never polled (for tests). */
  int lastAtRisk;

  int lastNeverPolled;

  /** The latest time given to the index. */
  private Instant clock;

  CredentialIndex(double priorChanges) {
    this.ready = new BacklogBuckets(priorChanges);
    this.cooling = new BacklogBuckets(priorChanges);
  }

  /** Timer entries, stale ones included (for tests). */
  int timerEntries() {
    return timers.size();
  }

  /** Eligible watches: what {@link PollScheduler} calls eligible. */
  int readyCount() {
    return readyByDeadline.size();
  }

  /** Idle watches: neither in flight nor held. */
  int idleCount() {
    return idle.size();
  }

  /** Heads the backlog buckets moved down to the bucket their rate decayed to (for tests). */
  long backlogDemotions() {
    return ready.demotions + cooling.demotions;
  }

  /** The deadline tree (for tests: its pace rescales). */
  DeadlineTree deadlines() {
    return idle;
  }

  /**
   * Puts a watch that is not in flight into its slot as of the latest time given ({@code now} if
   * later; null for none).
   */
  void attach(ScheduledWatch w, Instant now) {
    tick(now);
    Instant at = clock == null ? w.added : clock;
    if (w.slot == ScheduledWatch.Slot.COOLING && !w.held(at) && w.eligible(at)) {
      // its interval ended: it stays idle, in the deadline tree where it is
      w.timerStamp = 0;
      cooling.remove(w);
      ready(w, at);
      return;
    }
    detach(w);
    if (w.inFlight) {
      return;
    }
    if (w.held(at)) {
      w.slot = ScheduledWatch.Slot.HELD;
      setTimer(w, w.retryAt);
      return;
    }
    idle.insert(w);
    if (!w.eligible(at)) {
      w.slot = ScheduledWatch.Slot.COOLING;
      setTimer(w, w.lastAttempt.plus(w.min));
      cooling.add(w, at);
      return;
    }
    ready(w, at);
  }

  private void ready(ScheduledWatch w, Instant at) {
    w.slot = ScheduledWatch.Slot.READY;
    readyByDeadline.add(w);
    if (w.lastAttempt == null) {
      neverPolled.add(w);
    } else {
      ready.add(w, at);
    }
  }

  /** Takes a watch out of every structure (nothing if it is in none). */
  void detach(ScheduledWatch w) {
    switch (w.slot) {
      case NONE -> {
        return;
      }
      case HELD -> w.timerStamp = 0;
      case COOLING -> {
        w.timerStamp = 0;
        idle.remove(w);
        cooling.remove(w);
      }
      case READY -> {
        readyByDeadline.remove(w); // before the tree drops the node its order reads
        idle.remove(w);
        if (w.lastAttempt == null) {
          neverPolled.remove(w);
        } else {
          ready.remove(w);
        }
      }
    }
    w.slot = ScheduledWatch.Slot.NONE;
  }

  /** Moves the clock to {@code now} and the watches whose pause or interval ended into place. */
  void advance(Instant now) {
    tick(now);
    while (!timers.isEmpty() && !timers.peek().at.isAfter(clock)) {
      Timer t = timers.poll();
      if (t.watch.timerStamp == t.stamp) {
        attach(t.watch, null);
      }
    }
  }

  private void setTimer(ScheduledWatch w, Instant at) {
    w.timerStamp = ++stamps;
    timers.add(new Timer(at, w.timerStamp, w));
  }

  private void tick(Instant now) {
    if (now != null && (clock == null || now.isAfter(clock))) {
      clock = now;
    }
  }

  /**
   * The head of the adaptive ranking a round dispatches, taken out of the index: at most {@code
   * requests × batch size} ready watches.
   */
  List<ScheduledWatch> rank(CredentialState credential, int requests, Instant now) {
    advance(now);
    int wanted = (int) Math.min(readyByDeadline.size(), (long) requests * credential.batchSize);
    List<ScheduledWatch> ranked = new ArrayList<>(wanted);
    ScheduledWatch frontier = frontier(credential, requests, now);
    if (frontier != null) {
      for (ScheduledWatch w : readyByDeadline) {
        if (ranked.size() == wanted || BY_DEADLINE.compare(w, frontier) > 0) {
          break;
        }
        ranked.add(w);
      }
      ranked.forEach(this::detach);
    }
    int atRisk = ranked.size();
    for (ScheduledWatch w : neverPolled) {
      if (ranked.size() == wanted) {
        break;
      }
      ranked.add(w);
    }
    ranked.subList(atRisk, ranked.size()).forEach(this::detach);
    lastAtRisk = atRisk;
    lastNeverPolled = ranked.size() - atRisk;
    while (ranked.size() < wanted) {
      ScheduledWatch w = ready.best(now);
      detach(w);
      ranked.add(w);
    }
    return ranked;
  }

  /**
   * Up to {@code limit} more idle watches by backlog, taken out of the index: a batch's top-up,
   * asked for once every eligible watch is ranked, so from the cooling ones.
   */
  List<ScheduledWatch> topUp(int limit, Instant now) {
    List<ScheduledWatch> more = new ArrayList<>();
    while (more.size() < limit) {
      ScheduledWatch w = ready.size() > 0 ? ready.best(now) : cooling.best(now);
      if (w == null) {
        break;
      }
      detach(w);
      more.add(w);
    }
    return more;
  }

  /**
   * The last watch in deadline order that is at risk, as {@link Ranking}'s rule has it (every watch
   * up to it goes first), or null when none is.
   */
  private ScheduledWatch frontier(CredentialState credential, int requests, Instant now) {
    int n = idle.size();
    if (n == 0) {
      return null;
    }
    double watchesPerSecond =
        credential.budget.refillPerSecond()
            * credential.batchSize
            / (PollScheduler.COST_MARGIN * credential.tokensPerRequest());
    double exactPace = 1000 / watchesPerSecond;
    if (!(exactPace < Double.POSITIVE_INFINITY)) {
      return idle.last();
    }
    double pace = idle.pace(exactPace);
    long ready = (long) requests * credential.batchSize;
    double nowMillis = now.toEpochMilli();
    if (ready <= n) {
      ScheduledWatch last = idle.lastAtRisk(nowMillis - (ready - 1) * pace, (int) (ready - 1));
      if (last != null) {
        return last;
      }
    }
    return idle.lastDue((int) Math.min(n, ready - 1), nowMillis);
  }
}
