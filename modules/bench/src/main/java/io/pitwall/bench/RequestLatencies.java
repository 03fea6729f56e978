package io.pitwall.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The upstream request latencies an engine observed (wall time, from its {@code
 * pitwall_upstream_request_duration} histogram of one source, every endpoint), as counts of
 * requests at or below each bucket bound since the engine started. Two of them, taken at the start
 * and the end of the measured part of a run, give that part's latencies: how far the simulator's
 * HTTP server, as the engine saw it, fell behind.
 *
 * @param atOrBelow requests answered within each bucket bound (wall nanoseconds), cumulative
 * @param count all requests, those beyond the last bound too
 */
record RequestLatencies(TreeMap<Long, Long> atOrBelow, long count) {

  /** Before any request. */
  static final RequestLatencies NONE = new RequestLatencies(new TreeMap<>(), 0);

  /** What {@code registry}'s request timers of {@code source} hold now. */
  static RequestLatencies of(MeterRegistry registry, String source) {
    TreeMap<Long, Long> buckets = new TreeMap<>();
    long count = 0;
    for (Timer timer :
        registry.find("pitwall_upstream_request_duration").tag("source", source).timers()) {
      var snapshot = timer.takeSnapshot();
      count += snapshot.count();
      for (CountAtBucket bucket : snapshot.histogramCounts()) {
        buckets.merge((long) bucket.bucket(TimeUnit.NANOSECONDS), (long) bucket.count(), Long::sum);
      }
    }
    return new RequestLatencies(buckets, count);
  }

  /**
   * The latencies of the requests made after {@code earlier} and up to these, in virtual time at
   * {@code compression}. Both figures are bucket bounds, so at most one bucket (about 25 %) above
   * the true value; a request beyond the last bound counts at the last bound.
   */
  Lag since(RequestLatencies earlier, double compression) {
    long total = count - earlier.count;
    if (total <= 0) {
      return Lag.NONE;
    }
    long p99Rank = (long) Math.ceil(0.99 * total);
    Long p99 = null;
    Long max = null;
    for (Map.Entry<Long, Long> bucket : atOrBelow.entrySet()) {
      long within = bucket.getValue() - earlier.atOrBelow.getOrDefault(bucket.getKey(), 0L);
      if (p99 == null && within >= p99Rank) {
        p99 = bucket.getKey();
      }
      if (max == null && within >= total) {
        max = bucket.getKey();
      }
    }
    long last = atOrBelow.isEmpty() ? 0 : atOrBelow.lastKey();
    return new Lag(
        (int) Math.min(Integer.MAX_VALUE, total),
        virtual(p99 == null ? last : p99, compression),
        virtual(max == null ? last : max, compression));
  }

  private static Duration virtual(long wallNanos, double compression) {
    return Duration.ofNanos(Math.round(wallNanos * compression));
  }
}
