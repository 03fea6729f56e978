package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale-out line and its nearest-rank percentiles. */
class ScaleOutReportTest {

  @Test
  void shouldTakeNearestRankPercentilesOfMeasuredValues() {
    List<Double> values = List.of(12.0, 10.5, 30.0, 11.0, 14.0, 10.0, 13.0, 11.5, 12.5, 20.0);
    assertThat(ScaleOutReport.percentile(values, 50)).isEqualTo(12.0);
    assertThat(ScaleOutReport.percentile(values, 90)).isEqualTo(20.0);
    assertThat(ScaleOutReport.percentile(values, 99)).isEqualTo(30.0);
    assertThat(ScaleOutReport.percentile(values, 10)).isEqualTo(10.0);
    assertThat(ScaleOutReport.percentile(List.of(7.0), 50)).isEqualTo(7.0);
    assertThat(ScaleOutReport.percentile(List.of(3.0, 1.0, 2.0), 50)).isEqualTo(2.0);
    assertThat(ScaleOutReport.percentile(List.of(3.0, 1.0, 2.0, 4.0), 50)).isEqualTo(2.0);
  }

  @Test
  void shouldRefuseAPercentileOfNothingOrOutOfRange() {
    assertThatThrownBy(() -> ScaleOutReport.percentile(List.of(), 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no values");
    assertThatThrownBy(() -> ScaleOutReport.percentile(List.of(1.0), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 100]");
    assertThatThrownBy(() -> ScaleOutReport.percentile(List.of(1.0), 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPrintOneLineWithEveryFleetSizeAndTheTakeovers() {
    ScaleOutReport report = new ScaleOutReport();
    report.add(new ScaleOutReport.Step(1, 61.04, 0.712, 1.804));
    report.add(new ScaleOutReport.Step(2, 110.36, 1.2, 1.95));
    report.add(new ScaleOutReport.Step(3, 130, 1.456, 1.994));
    for (double s : new double[] {11.2, 10.8, 14.9, 12.1, 11.0, 10.9}) {
      report.takeover(Duration.ofMillis((long) (s * 1000)));
    }
    assertThat(report.line())
        .isEqualTo(
            "scale-out: instances=1,2,3 polls-per-s=61.0,110.4,130.0 takeover-p50-s=11.0"
                + " takeover-p99-s=14.9 cpu=0.71/1.80,1.20/1.95,1.46/1.99");
    assertThat(report.takeovers()).hasSize(6).contains(14.9);
  }

  @Test
  void shouldPrintADashForTakeoversWhenNoInstanceWasKilled() {
    ScaleOutReport report = new ScaleOutReport();
    report.add(new ScaleOutReport.Step(1, 50, 0.5, 1.0));
    assertThat(report.line())
        .isEqualTo(
            "scale-out: instances=1 polls-per-s=50.0 takeover-p50-s=- takeover-p99-s=-"
                + " cpu=0.50/1.00");
  }

  @Test
  void shouldRefuseAnEmptyReportANegativeTakeoverAndAFleetOfNone() {
    assertThatThrownBy(() -> new ScaleOutReport().line())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no fleet size");
    assertThatThrownBy(() -> new ScaleOutReport().takeover(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScaleOutReport.Step(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
