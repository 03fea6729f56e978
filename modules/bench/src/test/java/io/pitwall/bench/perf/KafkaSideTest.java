package io.pitwall.bench.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaSideTest {

  private static final long RECORDS = 8_000;

  /** A ProducerPerformance run of {@link #RECORDS} in {@code transactions} at {@code rate}. */
  private static ProducerPerformanceRun run(long durationMs, double rate, long transactions) {
    return new ProducerPerformanceRun(durationMs, rate, transactions, Double.NaN, Double.NaN);
  }

  @Test
  void equalSizesGiveTheRatioOfTheRates() {
    // Pitwall 100 records per transaction at 6,538 rec/s; Kafka 95.2 (84 transactions) at 7,036
    ProducerPerformanceRun kafka = run(1, 7_036, 84);
    KafkaSide side = new KafkaSide(List.of(kafka), kafka, RECORDS, 6_538, 100.0);

    assertThat(side.ratio()).isEqualTo("0.93");
    assertThat(side.perTransaction()).isEqualTo(RECORDS / 84.0);
    assertThat(side.tries()).isEqualTo("1 ms: 95.2 at 7036 rec/s");
  }

  @Test
  void kafkasShortestTransactionHoldingMoreIsNoRatioButALowerBound() {
    // Pitwall 8 records per transaction; Kafka's 1 ms already holds 90.9 (88 transactions)
    ProducerPerformanceRun kafka = run(1, 14_625, 88);
    KafkaSide side = new KafkaSide(List.of(kafka), kafka, RECORDS, 1_966, 8.0);

    assertThat(side.ratio())
        .startsWith("n/a (no equal transaction sizes: ProducerPerformance's shortest transaction")
        .endsWith(" ratio-bounds=0.13..");
  }

  @Test
  void sizesStraddlingPitwallsAreNoRatioButBoundsFromBothSides() {
    // Pitwall 121.2 per transaction at 13,473 rec/s; Kafka 102.6 at 1 ms and 307.7 at 2 ms
    ProducerPerformanceRun small = run(1, 18_349, 78);
    ProducerPerformanceRun large = run(2, 21_739, 26);
    KafkaSide side = new KafkaSide(List.of(small, large), small, RECORDS, 13_473, 121.2);

    assertThat(side.ratio())
        .startsWith("n/a (no equal transaction sizes: no duration came within 15 %)")
        .endsWith(" ratio-bounds=0.62..0.73");
    assertThat(side.tries()).isEqualTo("1 ms: 102.6 at 18349 rec/s, 2 ms: 307.7 at 21739 rec/s");
  }
}
