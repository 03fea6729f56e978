package io.pitwall.bench.perf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Kafka's side of the publish figure: {@code ProducerPerformance} rerun with its {@code
 * --transaction-duration-ms} iterated ({@link TransactionMatch}) until its transactions hold as
 * many records as Pitwall's, and what the runs say about the ratio.
 *
 * @param runs every run, in order
 * @param closest the run whose transaction size came closest to Pitwall's
 * @param records the records each run sent
 * @param pitwallRate Pitwall's records per second
 * @param pitwallPerTransaction Pitwall's records per transaction
 */
record KafkaSide(
    List<ProducerPerformanceRun> runs,
    ProducerPerformanceRun closest,
    long records,
    double pitwallRate,
    double pitwallPerTransaction) {

  /** Most ProducerPerformance runs spent on matching its transaction size to Pitwall's. */
  static final int MATCH_RUNS = 6;

  /**
   * Runs ProducerPerformance until a run's transactions are within {@link
   * TransactionMatch#TOLERANCE} of Pitwall's, the sizes straddle Pitwall's between neighbouring
   * durations, or {@link #MATCH_RUNS} runs were spent.
   */
  static KafkaSide match(
      String bootstrap,
      String topic,
      long records,
      int recordSize,
      double pitwallRate,
      double pitwallPerTransaction)
      throws Exception {
    List<ProducerPerformanceRun> runs = new ArrayList<>();
    Optional<Long> next =
        Optional.of(TransactionMatch.durationMs(pitwallPerTransaction, pitwallRate));
    while (next.isPresent() && runs.size() < MATCH_RUNS) {
      long durationMs = next.get();
      ProducerPerformanceRun run =
          ProducerPerformanceRun.run(bootstrap, topic, records, recordSize, durationMs);
      runs.add(run);
      double kafkaPerTxn = run.perTransaction(records);
      if (TransactionMatch.matches(kafkaPerTxn, pitwallPerTransaction)) {
        break;
      }
      next = TransactionMatch.nextDurationMs(durationMs, kafkaPerTxn, pitwallPerTransaction);
      long proposed = next.orElse(-1L);
      if (runs.stream().anyMatch(r -> r.durationMs() == proposed)) {
        // the sizes straddle Pitwall's between two neighbouring durations: take the closer one
        break;
      }
    }
    ProducerPerformanceRun closest =
        runs.stream()
            .min(
                Comparator.comparingDouble(
                    r -> Math.abs(r.perTransaction(records) - pitwallPerTransaction)))
            .orElseThrow();
    return new KafkaSide(List.copyOf(runs), closest, records, pitwallRate, pitwallPerTransaction);
  }

  /** The closest run's records per transaction. */
  double perTransaction() {
    return closest.perTransaction(records);
  }

  /**
   * The ratio at equal sizes, or {@code n/a (why)} followed by {@code ratio-bounds=lo..hi} when the
   * runs bound it ({@link TransactionMatch#bounds}).
   */
  String ratio() {
    double kafkaPerTxn = perTransaction();
    if (TransactionMatch.matches(kafkaPerTxn, pitwallPerTransaction)) {
      return String.format(Locale.ROOT, "%.2f", pitwallRate / closest.rate());
    }
    return "n/a (no equal transaction sizes: "
        + (kafkaPerTxn > pitwallPerTransaction
                && closest.durationMs() <= TransactionMatch.SHORTEST_MS
            ? "ProducerPerformance's shortest transaction, 1 ms, holds more"
            : "no duration came within 15 %")
        + ")"
        + TransactionMatch.bounds(
                pitwallRate,
                pitwallPerTransaction,
                runs.stream().map(r -> new double[] {r.perTransaction(records), r.rate()}).toList())
            .map(b -> " ratio-bounds=" + b)
            .orElse("");
  }

  /** Every run as {@code <duration> ms: <records per transaction> at <rate> rec/s}, joined. */
  String tries() {
    StringBuilder tries = new StringBuilder();
    for (ProducerPerformanceRun r : runs) {
      tries.append(
          String.format(
              Locale.ROOT,
              "%s%d ms: %.1f at %.0f rec/s",
              tries.length() == 0 ? "" : ", ",
              r.durationMs(),
              r.perTransaction(records),
              r.rate()));
    }
    return tries.toString();
  }
}
