package io.pitwall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyBoundTest {

  @Test
  void shouldGainNothingOverRoundRobinWhenEveryAccountIsAlike() {
    LatencyBound bound = new LatencyBound(new double[] {1, 1, 1, 1});

    // Four polls an hour for four accounts: each polled hourly, a change waits U[0, 1 h].
    assertEquals(0.5, bound.bestMedianHours(4, 1), 1e-6);
  }

  @Test
  void shouldStopPollingAQuietAccountWhenItsChangesFitInTheLatePercent() {
    // The quiet account makes 1 % of the changes: it may go unpolled, and its poll goes to the
    // busy one, which is then polled twice an hour: 99 % of changes wait U[0, 0.5 h].
    LatencyBound bound = new LatencyBound(new double[] {1, 99});

    double median = bound.bestMedianHours(2, 1);

    assertEquals(0.5 / (2 * 0.99), median, 1e-6);
  }

  @Test
  void shouldReportNoBoundWhenTheBudgetCannotKeepTheP99() {
    LatencyBound bound = new LatencyBound(new double[] {1, 1, 1, 1});

    assertTrue(Double.isNaN(bound.bestMedianHours(3, 1)));
  }

  @Test
  void shouldNeverBeWorseThanPollingEveryAccountAtTheP99Limit() {
    double[] rates = new double[500];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = 0.05 * Math.pow(1 - (i + 0.5) / rates.length, -1 / 1.2);
    }
    LatencyBound bound = new LatencyBound(rates);

    double median = bound.bestMedianHours(500 / 4.0, 4.0);

    assertTrue(median < 2.0, "skewed rates beat the uniform median of 2 h: " + median);
    assertTrue(median > 0.5, "but a budget this tight cannot reach a quarter of it: " + median);
  }
}
