package io.pitwall.bench.perf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic that puts Pitwall's transactions and Kafka's {@code ProducerPerformance} side by
 * side: Pitwall's records per transaction as its publisher counted them, the {@code
 * --transaction-duration-ms} that gives ProducerPerformance transactions of that size at Pitwall's
 * rate, and the size ProducerPerformance's transactions then had at its own rate.
 */
final class TransactionMatch {

  private static final Pattern KAFKA_RATE = Pattern.compile("([0-9.]+) records/sec");

  private TransactionMatch() {}

  /**
   * Records per committed transaction.
   *
   * @param records the records handed to the publisher (events and states)
   * @param transactions the transactions its group commit made of them
   */
  static double recordsPerTransaction(long records, long transactions) {
    if (transactions < 1) {
      throw new IllegalArgumentException(
          records + " records published in " + transactions + " transactions");
    }
    return records / (double) transactions;
  }

  /**
   * The {@code --transaction-duration-ms} after which ProducerPerformance, sending at {@code
   * recordsPerSecond}, commits transactions of {@code recordsPerTransaction}: at least 1 ms, its
   * smallest.
   */
  static long durationMs(double recordsPerTransaction, double recordsPerSecond) {
    if (recordsPerSecond <= 0) {
      throw new IllegalArgumentException("a rate of " + recordsPerSecond + " records/s");
    }
    return Math.max(1, Math.round(1000 * recordsPerTransaction / recordsPerSecond));
  }

  /** About how many records ProducerPerformance put in a transaction of {@code durationMs}. */
  static double kafkaRecordsPerTransaction(double kafkaRecordsPerSecond, long durationMs) {
    return kafkaRecordsPerSecond * durationMs / 1000.0;
  }

  /** The records per second of ProducerPerformance's summary, its last line. */
  static double producerPerformanceRate(String output) {
    String[] lines = output.strip().split("\n");
    Matcher m = KAFKA_RATE.matcher(lines[lines.length - 1]);
    if (!m.find()) {
      throw new IllegalStateException("ProducerPerformance printed no rate: " + output);
    }
    return Double.parseDouble(m.group(1));
  }
}
