package io.pitwall.core.schedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * Watches by expected backlog, {@code rate × (now - seen)²}, without evaluating every one: buckets
 * of rate, geometric with ratio {@link #RATIO} above the lowest rate any watch can have (the prior
 * alone), each a set ordered by {@code seen} (oldest first).
 *
 * <p>A watch goes into the bucket of its rate when it is added. A rate only decays until the watch
 * reports again, and a reporting watch is in flight, outside every index; so every member's rate
 * stays at or below its bucket's upper bound {@code R_b}, and {@code R_b × (now - seen_head)²}
 * bounds the backlog of the whole bucket. {@link #best} takes the bucket with the highest bound,
 * evaluates its head's true rate, moves the head down to the bucket it has decayed to if it has,
 * and repeats; a head that is still in its bucket has a backlog of at least {@code R_b / RATIO ×
 * (now - seen)²}, so it is within {@link #RATIO} of the highest backlog of all. Rates above the top
 * bucket's floor (the prior × 1.05^{@value #BUCKETS}, far beyond any watch) share the top bucket,
 * which is then ordered by staleness alone. Not thread-safe.
 */
final class BacklogBuckets {

  /** The ratio between two buckets' rates: a pick is within this factor of the best backlog. */
  static final double RATIO = 1.05;

  static final int BUCKETS = 512;

  private static final double LN_RATIO = Math.log(RATIO);

  /** By seen, oldest first, then by the order of addition. */
  static final Comparator<ScheduledWatch> BY_SEEN =
      (a, b) -> {
        int c = a.seen().compareTo(b.seen());
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
      };

  private final double floorRate;
  private final double[] upper = new double[BUCKETS];

  @SuppressWarnings("unchecked")
  private final TreeSet<ScheduledWatch>[] buckets = new TreeSet[BUCKETS];

  private final ScheduledWatch[] heads = new ScheduledWatch[BUCKETS];

  /** Each head's seen, in epoch milliseconds: the scan for the best bound reads only arrays. */
  private final long[] headSeen = new long[BUCKETS];

  private final long[] nonEmpty = new long[BUCKETS / 64];
  private int size;

  /** Heads moved down to the bucket their rate decayed to (for tests and figures). */
  long demotions;

  /**
   * @param priorChanges the scheduler's prior: changes a week every watch has at least
   */
  BacklogBuckets(double priorChanges) {
    this.floorRate = priorChanges / ActivityEstimate.LONG_TERM.toSeconds();
    for (int b = 0; b < BUCKETS - 1; b++) {
      // a little above, so that a rate rounded into bucket b never exceeds its bound
      upper[b] = floorRate * Math.pow(RATIO, b + 1) * (1 + 1e-9);
    }
    upper[BUCKETS - 1] = Double.POSITIVE_INFINITY;
  }

  int size() {
    return size;
  }

  /** Adds a watch into the bucket of its rate at {@code now}. */
  void add(ScheduledWatch w, Instant now) {
    put(w, bucketOf(w.activity.ratePerSecond(now)));
    size++;
  }

  /** Removes a watch, which must be here. */
  void remove(ScheduledWatch w) {
    take(w);
    size--;
  }

  /**
   * A watch whose backlog at {@code now} is within {@link #RATIO} of the highest here (left in
   * place), or null when empty.
   */
  ScheduledWatch best(Instant now) {
    long nowMillis = now.toEpochMilli();
    while (size > 0) {
      int bestBucket = -1;
      double bestBound = -1;
      for (int word = 0; word < nonEmpty.length; word++) {
        long bits = nonEmpty[word];
        while (bits != 0) {
          int b = word * 64 + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          double since = Math.max(0, (nowMillis - headSeen[b]) / 1000.0);
          double bound = upper[b] * since * since;
          if (bound > bestBound) {
            bestBound = bound;
            bestBucket = b;
          }
        }
      }
      ScheduledWatch head = heads[bestBucket];
      int actual = bucketOf(head.activity.ratePerSecond(now));
      if (actual >= bestBucket) {
        return head;
      }
      take(head);
      put(head, actual);
      demotions++;
    }
    return null;
  }

  private void put(ScheduledWatch w, int b) {
    TreeSet<ScheduledWatch> bucket = buckets[b];
    if (bucket == null) {
      bucket = buckets[b] = new TreeSet<>(BY_SEEN);
    }
    bucket.add(w);
    w.bucket = b;
    if (heads[b] == null || BY_SEEN.compare(w, heads[b]) < 0) {
      head(b, w);
    }
    nonEmpty[b >>> 6] |= 1L << (b & 63);
  }

  private void take(ScheduledWatch w) {
    int b = w.bucket;
    TreeSet<ScheduledWatch> bucket = buckets[b];
    if (bucket == null || !bucket.remove(w)) {
      throw new IllegalStateException("not in backlog bucket " + b + ": " + w.key);
    }
    if (heads[b] == w) {
      head(b, bucket.isEmpty() ? null : bucket.first());
    }
    if (bucket.isEmpty()) {
      nonEmpty[b >>> 6] &= ~(1L << (b & 63));
    }
    w.bucket = -1;
  }

  private void head(int b, ScheduledWatch w) {
    heads[b] = w;
    headSeen[b] = w == null ? 0 : w.seen().toEpochMilli();
  }

  private int bucketOf(double rate) {
    if (!(rate > floorRate)) {
      return 0;
    }
    int b = (int) (Math.log(rate / floorRate) / LN_RATIO);
    return Math.min(Math.max(b, 0), BUCKETS - 1);
  }
}
