package io.pitwall.bench;

import java.util.Arrays;

/**
 * The best median detection latency any fixed-interval scheduler could reach at a given budget
 * while keeping its p99 within a given limit, if it knew every account's true change rate.
 *
 * <p>Model: account i changes as a Poisson process of rate λ<sub>i</sub> and is polled every
 * T<sub>i</sub>, so a change waits a uniform time in [0, T<sub>i</sub>]; the budget is Σ
 * 1/T<sub>i</sub> polls per hour. For a candidate median D, the share of changes detected within D
 * is Σ λ<sub>i</sub>·min(1, D/T<sub>i</sub>) / Σ λ<sub>i</sub>, and the share later than the p99
 * limit L is Σ λ<sub>i</sub>·max(0, 1 − L/T<sub>i</sub>) / Σ λ<sub>i</sub>, at most 1 %. Maximising
 * the first under both constraints is a linear programme in the poll rates x<sub>i</sub> = 1/T
 * <sub>i</sub>. Its optimum starts every account at 1/L (none late), stops polling the quietest
 * accounts as far as the late share allows and it pays, and spends what that frees, with any spare
 * budget, raising the busiest accounts towards 1/D. The smallest D whose share reaches one half is
 * the bound.
 *
 * <p>It ignores that changes cluster in sessions, which a scheduler can exploit by polling again
 * soon after a change; it is a bound for schedulers that know rates, not for ones that also track
 * sessions.
 */
final class LatencyBound {

  private final double[] rates;
  private final double total;

  /**
   * @param rates each account's change rate (any unit: only the proportions matter)
   */
  LatencyBound(double[] rates) {
    this.rates = rates.clone();
    Arrays.sort(this.rates);
    this.total = Arrays.stream(rates).sum();
  }

  /**
   * The smallest median latency reachable, in hours.
   *
   * @param pollsPerHour the budget, in polls
   * @param p99Hours the p99 limit
   * @return the bound, or NaN when no fixed-interval scheduler keeps that p99 at that budget
   */
  double bestMedianHours(double pollsPerHour, double p99Hours) {
    if (shareWithin(p99Hours, pollsPerHour, p99Hours) < 0) {
      return Double.NaN;
    }
    double low = 0;
    double high = p99Hours;
    for (int i = 0; i < 60; i++) {
      double mid = (low + high) / 2;
      if (shareWithin(mid, pollsPerHour, p99Hours) >= 0.5) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  /**
   * The largest share of changes detected within {@code d} hours, or −1 when the p99 limit cannot
   * be kept at this budget. Stopping polls of the quietest accounts (a total of {@code cut} polls
   * an hour) gives a concave share, so a ternary search over {@code cut} finds the best.
   */
  double shareWithin(double d, double pollsPerHour, double p99Hours) {
    double spare = pollsPerHour - rates.length / p99Hours;
    double least = Math.max(0, -spare);
    double most = mostCut(p99Hours);
    if (least > most + 1e-9) {
      return -1;
    }
    double low = least;
    double high = Math.max(least, most);
    for (int i = 0; i < 100; i++) {
      double a = low + (high - low) / 3;
      double b = high - (high - low) / 3;
      if (share(a, d, spare, p99Hours) < share(b, d, spare, p99Hours)) {
        low = a;
      } else {
        high = b;
      }
    }
    return Math.max(
        share(low, d, spare, p99Hours),
        Math.max(share(least, d, spare, p99Hours), share(most, d, spare, p99Hours)));
  }

  /** Polls an hour that may be cut from the quietest accounts before 1 % of changes are late. */
  private double mostCut(double p99Hours) {
    double lateLeft = 0.01 * total;
    double cut = 0;
    for (double rate : rates) {
      if (rate > lateLeft) {
        return cut + lateLeft / (rate * p99Hours);
      }
      lateLeft -= rate;
      cut += 1 / p99Hours;
    }
    return cut;
  }

  /** The share within {@code d} when {@code cut} polls an hour go from the quiet to the busy. */
  private double share(double cut, double d, double spare, double p99Hours) {
    int n = rates.length;
    double[] x = new double[n];
    double left = cut;
    int firstUncut = 0;
    for (int i = 0; i < n; i++) {
      double c = Math.min(1 / p99Hours, left);
      x[i] = 1 / p99Hours - c;
      left -= c;
      if (x[i] <= 0) {
        firstUncut = i + 1;
      }
    }
    double raise = spare + cut;
    for (int i = n - 1; i >= firstUncut && raise > 0; i--) {
      double r = Math.min(raise, Math.max(0, 1 / d - x[i]));
      x[i] += r;
      raise -= r;
    }
    double within = 0;
    for (int i = 0; i < n; i++) {
      within += rates[i] * Math.min(1, d * x[i]);
    }
    return within / total;
  }
}
