package io.pitwall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.metrics.PitwallMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestLatenciesTest {

  @Test
  void shouldGiveTheLatenciesOfTheRequestsBetweenTwoReadingsOnly() {
    try (PitwallMetrics metrics = new PitwallMetrics()) {
      // before the measured part: slow requests
      for (int i = 0; i < 50; i++) {
        metrics.request("psn", "trophyTitles", 200, Duration.ofMillis(900));
      }
      RequestLatencies start = RequestLatencies.of(metrics.registry(), "psn");
      // measured: 99 fast requests on two endpoints, one slower
      for (int i = 0; i < 60; i++) {
        metrics.request("psn", "trophyTitles", 200, Duration.ofMillis(4));
      }
      for (int i = 0; i < 39; i++) {
        metrics.request("psn", "trophies", 200, Duration.ofMillis(4));
      }
      metrics.request("psn", "trophies", 200, Duration.ofMillis(100));
      // another source's requests do not count
      metrics.request("gt", "profile", 200, Duration.ofSeconds(5));

      Lag lag = RequestLatencies.of(metrics.registry(), "psn").since(start, 300);

      assertThat(lag.samples()).isEqualTo(100);
      // bucket bounds at 300x: 4 ms falls in a bucket under 5 ms, 100 ms under 125 ms
      assertThat(lag.p99()).isBetween(Duration.ofMillis(4 * 300), Duration.ofMillis(5 * 300));
      assertThat(lag.max()).isBetween(Duration.ofMillis(100 * 300), Duration.ofMillis(125 * 300));
    }
  }

  @Test
  void shouldShowNoLagWithoutRequests() {
    try (PitwallMetrics metrics = new PitwallMetrics()) {
      RequestLatencies none = RequestLatencies.of(metrics.registry(), "psn");

      assertThat(none.since(RequestLatencies.NONE, 300)).isEqualTo(Lag.NONE);
    }
  }

  @Test
  void shouldCountARequestBeyondTheLastBucketAtTheLastBound() {
    try (PitwallMetrics metrics = new PitwallMetrics()) {
      metrics.request("psn", "trophyTitles", 200, Duration.ofSeconds(40));

      Lag lag = RequestLatencies.of(metrics.registry(), "psn").since(RequestLatencies.NONE, 1);

      assertThat(lag.p99()).isEqualTo(Duration.ofSeconds(30));
    }
  }
}
