package io.pitwall.bench.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TransactionMatchTest {

  @Test
  void recordsPerTransactionAreTheRecordsOverTheCommittedTransactions() {
    // 4,000 polls of an event and a state each, group-committed into 2,010 transactions
    assertThat(TransactionMatch.recordsPerTransaction(8_000, 2_010)).isCloseTo(3.98, within(0.01));
    assertThat(TransactionMatch.recordsPerTransaction(8_000, 125)).isEqualTo(64.0);
  }

  @Test
  void noTransactionIsNoFigure() {
    assertThatThrownBy(() -> TransactionMatch.recordsPerTransaction(8_000, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 transactions");
  }

  @Test
  void theDurationGivesKafkaPitwallsTransactionSizeAtPitwallsRate() {
    // 4 records per transaction at 280 records/s: a transaction every 14.3 ms
    assertThat(TransactionMatch.durationMs(4.0, 280)).isEqualTo(14);
    // 100 records at 2,850 records/s: 35 ms
    assertThat(TransactionMatch.durationMs(100.0, 2_850)).isEqualTo(35);
  }

  @Test
  void theDurationIsAtLeastProducerPerformancesMillisecond() {
    assertThat(TransactionMatch.durationMs(2.0, 100_000)).isEqualTo(1);
    assertThatThrownBy(() -> TransactionMatch.durationMs(2.0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSizeWithinFifteenPercentMatches() {
    assertThat(TransactionMatch.matches(70.0, 64.0)).isTrue();
    assertThat(TransactionMatch.matches(55.0, 64.0)).isTrue();
    assertThat(TransactionMatch.matches(74.0, 64.0)).isFalse();
    assertThat(TransactionMatch.matches(54.0, 64.0)).isFalse();
  }

  @Test
  void theNextDurationScalesByHowFarTheSizesWere() {
    // 14 ms gave 190 records per transaction against Pitwall's 64: a third of the duration
    assertThat(TransactionMatch.nextDurationMs(14, 190.0, 64.0)).contains(5L);
    // 2 ms gave 30 against 64: twice as long
    assertThat(TransactionMatch.nextDurationMs(2, 30.0, 64.0)).contains(4L);
  }

  @Test
  void theNextDurationMovesAtLeastAMillisecond() {
    assertThat(TransactionMatch.nextDurationMs(4, 80.0, 64.0)).contains(3L);
    assertThat(TransactionMatch.nextDurationMs(4, 52.0, 64.0)).contains(5L);
  }

  @Test
  void equalSizesAreImpossibleWhenTheShortestDurationIsStillTooLarge() {
    // Pitwall's 4 records per transaction against 25 in ProducerPerformance's 1 ms
    assertThat(TransactionMatch.nextDurationMs(1, 25.0, 4.0)).isEmpty();
    assertThat(TransactionMatch.nextDurationMs(3, 25.0, 4.0)).contains(1L);
  }

  @Test
  void theCommitTimeIsReadFromTheMetrics() {
    String output =
        "8000 records sent, 4384.2 records/sec (5.68 MB/sec), 12.30 ms avg latency.\n"
            + "producer-metrics:txn-begin-time-ns-total:{client-id=perf-producer-client}   :"
            + " 1234.000\n"
            + "producer-metrics:txn-commit-time-ns-total:{client-id=perf-producer-client}  :"
            + " 1.25E9\n";

    assertThat(TransactionMatch.commitNanos(output)).contains(1.25e9);
    assertThat(TransactionMatch.producerPerformanceRate(output)).isEqualTo(4384.2);
    assertThat(TransactionMatch.commitNanos("nothing")).isEmpty();
  }

  @Test
  void theRateIsReadFromProducerPerformancesSummaryLine() {
    String output =
        "4001 records sent, 800.0 records/sec (1.04 MB/sec), 20.1 ms avg latency, 90.0 ms max"
            + " latency.\n"
            + "8000 records sent, 4384.2 records/sec (5.68 MB/sec), 12.30 ms avg latency, 95.00 ms"
            + " max latency, 10 ms 50th, 30 ms 95th, 50 ms 99th, 90 ms 99.9th.\n";

    assertThat(TransactionMatch.producerPerformanceRate(output)).isEqualTo(4384.2);
  }

  @Test
  void aSummaryWithoutARateIsAnError() {
    assertThatThrownBy(() -> TransactionMatch.producerPerformanceRate("nothing sent\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing sent");
  }

  @Test
  void shouldBoundTheRatioByTheClosestRunsOnEitherSideOfPitwallsSize() {
    java.util.List<double[]> runs =
        java.util.List.of(
            new double[] {1333, 20_000}, new double[] {84, 5_000}, new double[] {242, 8_000});

    // Pitwall: 100 records per transaction at 6,000/s, between Kafka's 84 (5,000/s) and 242
    assertThat(TransactionMatch.bounds(6_000, 100, runs)).contains("0.75..1.20");
    assertThat(TransactionMatch.bounds(6_000, 50, runs)).contains("1.20..");
    assertThat(TransactionMatch.bounds(6_000, 2_000, runs)).contains("..0.30");
  }

  @Test
  void shouldGiveNoBoundsWhenKafkasRateFellAsItsTransactionsGrew() {
    java.util.List<double[]> runs =
        java.util.List.of(new double[] {84, 9_000}, new double[] {242, 8_000});

    assertThat(TransactionMatch.bounds(6_000, 100, runs)).isEmpty();
  }
}
