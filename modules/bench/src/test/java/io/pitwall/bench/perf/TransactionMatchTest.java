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
  void kafkasTransactionSizeFollowsItsOwnRate() {
    assertThat(TransactionMatch.kafkaRecordsPerTransaction(4_384, 14)).isCloseTo(61.4, within(0.1));
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
}
