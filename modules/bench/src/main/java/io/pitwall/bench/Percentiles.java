package io.pitwall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of durations; an undetected change counts as infinitely late. */
final class Percentiles {

  private final List<Duration> sorted;
  private final int missing;

  /**
   * @param values the detected changes' latencies
   * @param missing how many changes were never detected (they rank after every value)
   */
  Percentiles(List<Duration> values, int missing) {
    List<Duration> copy = new ArrayList<>(values);
    Collections.sort(copy);
    this.sorted = copy;
    this.missing = missing;
  }

  /** The p-th percentile (0 < p ≤ 100), or null when it falls on an undetected change. */
  Duration at(double p) {
    int n = sorted.size() + missing;
    if (n == 0) {
      throw new IllegalStateException("no values");
    }
    int rank = (int) Math.ceil(p / 100.0 * n);
    int index = Math.max(1, rank) - 1;
    return index < sorted.size() ? sorted.get(index) : null;
  }

  int count() {
    return sorted.size() + missing;
  }
}
