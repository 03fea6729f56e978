package io.pitwall.bench.perf;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic that puts Pitwall's transactions and Kafka's {@code ProducerPerformance} side by
 * side at equal sizes. ProducerPerformance has no "records per transaction" option, only {@code
 * --transaction-duration-ms} (at least 1 ms): it commits once that long has passed since the
 * transaction began, so its size follows its own send rate. The match is therefore iterated: run
 * it, count the transactions it really committed (the broker's {@code EndTxn} requests), scale the
 * duration by the ratio of the sizes, and run again until its records per transaction are within
 * {@link #TOLERANCE} of Pitwall's. When even 1 ms gives larger transactions than Pitwall's, equal
 * sizes are impossible and no ratio is valid.
 */
final class TransactionMatch {

  /** How far ProducerPerformance's records per transaction may be from Pitwall's: 15 %. */
  static final double TOLERANCE = 0.15;

  /** ProducerPerformance's smallest {@code --transaction-duration-ms}. */
  static final long SHORTEST_MS = 1;

  private static final Pattern KAFKA_RATE = Pattern.compile("([0-9.]+) records/sec");
  private static final Pattern COMMIT_TIME =
      Pattern.compile("txn-commit-time-ns-total:\\{[^}]*}\\s*:\\s*([0-9.Ee+-]+)");

  private static final Pattern RETRIES =
      Pattern.compile("producer-metrics:record-retry-total:\\{[^}]*}\\s*:\\s*([0-9.Ee+-]+)");

  private TransactionMatch() {}

  /**
   * Records per committed transaction.
   *
   * @param records the records handed to the producer (events and states)
   * @param transactions the transactions committed for them
   */
  static double recordsPerTransaction(long records, long transactions) {
    if (transactions < 1) {
      throw new IllegalArgumentException(
          records + " records published in " + transactions + " transactions");
    }
    return records / (double) transactions;
  }

  /**
   * A first {@code --transaction-duration-ms}: the duration of Pitwall's transactions at Pitwall's
   * rate, at least {@link #SHORTEST_MS}.
   */
  static long durationMs(double recordsPerTransaction, double recordsPerSecond) {
    if (recordsPerSecond <= 0) {
      throw new IllegalArgumentException("a rate of " + recordsPerSecond + " records/s");
    }
    return Math.max(SHORTEST_MS, Math.round(1000 * recordsPerTransaction / recordsPerSecond));
  }

  /** Whether ProducerPerformance's transactions were within {@link #TOLERANCE} of Pitwall's. */
  static boolean matches(double kafkaPerTransaction, double pitwallPerTransaction) {
    return Math.abs(kafkaPerTransaction - pitwallPerTransaction)
        <= TOLERANCE * pitwallPerTransaction;
  }

  /**
   * The duration to try next, or empty when there is none: its records per transaction grow with
   * the duration, so the duration is scaled by how far they were from Pitwall's (at least {@link
   * #SHORTEST_MS}; at least one millisecond away from the last try, or the match cannot move).
   * Empty when the last try was the shortest and still too large: equal sizes are impossible.
   */
  static Optional<Long> nextDurationMs(
      long triedMs, double kafkaPerTransaction, double pitwallPerTransaction) {
    if (kafkaPerTransaction <= 0) {
      throw new IllegalArgumentException(kafkaPerTransaction + " records per transaction");
    }
    if (triedMs <= SHORTEST_MS && kafkaPerTransaction > pitwallPerTransaction) {
      return Optional.empty();
    }
    long next =
        Math.max(SHORTEST_MS, Math.round(triedMs * pitwallPerTransaction / kafkaPerTransaction));
    if (next == triedMs) {
      next = kafkaPerTransaction > pitwallPerTransaction ? triedMs - 1 : triedMs + 1;
    }
    return Optional.of(Math.max(SHORTEST_MS, next));
  }

  /**
   * Where the ratio lies when no run matched Pitwall's transaction size, or empty when the runs
   * cannot tell. A transaction costs about the same whatever it holds, so ProducerPerformance's
   * rate grows with its transactions' size: a run with larger transactions than Pitwall's bounds
   * the ratio from below, one with smaller from above (the closest of each is taken). The bounds
   * are given only when the runs agree with that (rate not falling as size grows).
   *
   * @param pitwallRate Pitwall's records per second
   * @param pitwallPerTransaction Pitwall's records per transaction
   * @param kafka each ProducerPerformance run as {records per transaction, records per second}
   */
  static Optional<String> bounds(
      double pitwallRate, double pitwallPerTransaction, java.util.List<double[]> kafka) {
    java.util.List<double[]> bySize = new java.util.ArrayList<>(kafka);
    bySize.sort(java.util.Comparator.comparingDouble(r -> r[0]));
    for (int i = 1; i < bySize.size(); i++) {
      if (bySize.get(i)[1] < bySize.get(i - 1)[1]) {
        return Optional.empty();
      }
    }
    double[] larger = null;
    double[] smaller = null;
    for (double[] run : bySize) {
      if (run[0] >= pitwallPerTransaction && larger == null) {
        larger = run;
      }
      if (run[0] <= pitwallPerTransaction) {
        smaller = run;
      }
    }
    if (larger == null && smaller == null) {
      return Optional.empty();
    }
    String low =
        larger == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", pitwallRate / larger[1]);
    String high =
        smaller == null
            ? ""
            : String.format(java.util.Locale.ROOT, "%.2f", pitwallRate / smaller[1]);
    return Optional.of(low + ".." + high);
  }

  /** The records per second of ProducerPerformance's summary, its last line with a rate. */
  static double producerPerformanceRate(String output) {
    String[] lines = output.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].contains("records sent")) {
        Matcher m = KAFKA_RATE.matcher(lines[i]);
        if (m.find()) {
          return Double.parseDouble(m.group(1));
        }
      }
    }
    throw new IllegalStateException("ProducerPerformance printed no rate: " + output);
  }

  /**
   * The nanoseconds ProducerPerformance's producer spent in {@code commitTransaction}, from the
   * metrics it prints with {@code --print-metrics}; empty when they are not there.
   */
  static Optional<Double> commitNanos(String output) {
    Matcher m = COMMIT_TIME.matcher(output);
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }

  /** The records ProducerPerformance's producer retried, from its printed metrics. */
  static Optional<Double> retries(String output) {
    Matcher m = RETRIES.matcher(output);
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }
}
