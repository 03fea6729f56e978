package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Summing a counter over its label sets in a Prometheus text exposition. */
class PrometheusTextTest {

  private static final String TEXT =
      "# HELP pitwall_polls_total Polls by source and outcome\n"
          + "# TYPE pitwall_polls_total counter\n"
          + "pitwall_polls_total{outcome=\"OK\",source=\"psn\",} 1200.0\n"
          + "pitwall_polls_total{outcome=\"OK\",source=\"gt\",} 30.0\n"
          + "pitwall_polls_total{outcome=\"UPSTREAM_ERROR\",source=\"gridstats\",} 2.0\n"
          + "pitwall_polls_totally_other 99.0\n"
          + "process_cpu_usage 0.25\n"
          + "pitwall_owned_watches 68.0\n";

  @Test
  void shouldSumEverySampleOfTheMetricWhateverItsLabels() {
    assertThat(PrometheusText.sum(TEXT, "pitwall_polls_total")).isEqualTo(1232.0);
    assertThat(PrometheusText.sum(TEXT, "process_cpu_usage")).isEqualTo(0.25);
    assertThat(PrometheusText.sum(TEXT, "pitwall_owned_watches")).isEqualTo(68.0);
  }

  @Test
  void shouldGiveZeroForAMetricThatIsNotThere() {
    assertThat(PrometheusText.sum(TEXT, "pitwall_rebalances_total")).isZero();
    assertThat(PrometheusText.sum("", "pitwall_polls_total")).isZero();
  }

  @Test
  void shouldNameTheSampleWhoseValueIsNoNumber() {
    assertThatThrownBy(
            () -> PrometheusText.sum("pitwall_polls_total{a=\"b\"} many\n", "pitwall_polls_total"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pitwall_polls_total{a=\"b\"} many");
  }
}
