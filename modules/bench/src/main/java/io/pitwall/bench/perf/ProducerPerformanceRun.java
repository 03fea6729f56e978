package io.pitwall.bench.perf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * One run of Kafka's own {@link ProducerPerformance}, transactional, against the broker in this
 * JVM: the other side of {@link PublishFigure}. Its transactions are counted from the broker's
 * {@code EndTxn} requests rather than estimated from its rate and {@code
 * --transaction-duration-ms}.
 *
 * @param durationMs the {@code --transaction-duration-ms} it ran with
 * @param rate records per second it reported
 * @param transactions transactions the broker committed for it
 * @param commitNanos mean commit time per transaction, from its metrics (NaN when not printed)
 * @param retries records the producer retried (NaN when not printed)
 */
record ProducerPerformanceRun(
    long durationMs, double rate, long transactions, double commitNanos, double retries) {

  /** Records per transaction, for a run of {@code records}. */
  double perTransaction(long records) {
    return TransactionMatch.recordsPerTransaction(records, transactions);
  }

  /**
   * Runs Kafka's ProducerPerformance in this JVM, and counts the transactions it committed from the
   * broker's {@code EndTxn} requests (the broker runs in this JVM; nothing else commits meanwhile).
   */
  static ProducerPerformanceRun run(
      String bootstrap, String topic, long records, int recordSize, long durationMs)
      throws Exception {
    String[] args = {
      "--topic",
      topic,
      "--num-records",
      Long.toString(records),
      "--record-size",
      Integer.toString(recordSize),
      "--throughput",
      "-1",
      "--transactional-id",
      topic + "-perf",
      "--transaction-duration-ms",
      Long.toString(durationMs),
      "--print-metrics",
      "--producer-props",
      "bootstrap.servers=" + bootstrap,
      "acks=all",
      "enable.idempotence=true",
      "max.request.size=" + (4 * 1024 * 1024)
    };
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    long endTxnBefore = endTxnRequests();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(args);
    } finally {
      System.setOut(original);
    }
    long transactions = endTxnRequests() - endTxnBefore;
    String output = captured.toString(StandardCharsets.UTF_8);
    return new ProducerPerformanceRun(
        durationMs,
        TransactionMatch.producerPerformanceRate(output),
        transactions,
        TransactionMatch.commitNanos(output).orElse(Double.NaN),
        TransactionMatch.retries(output).orElse(Double.NaN));
  }

  /** The {@code EndTxn} requests the in-process broker has handled (every version). */
  private static long endTxnRequests() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Set<ObjectName> names =
        server.queryNames(
            new ObjectName(
                "kafka.network:type=RequestMetrics,name=RequestsPerSec,request=EndTxn,*"),
            null);
    if (names.isEmpty()) {
      throw new IllegalStateException(
          "the broker's EndTxn request meter is not registered: is the broker in this JVM?");
    }
    long count = 0;
    for (ObjectName name : names) {
      count += ((Number) server.getAttribute(name, "Count")).longValue();
    }
    return count;
  }
}
