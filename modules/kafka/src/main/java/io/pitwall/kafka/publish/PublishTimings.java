package io.pitwall.kafka.publish;

import java.util.Locale;

/**
 * Where the publisher's thread spent its time, summed over every transaction of batches since it
 * started: a snapshot for benchmarks and diagnostics (no clock is read for anything else).
 *
 * @param transactions transactions of batches that committed
 * @param batches batches (poll results) they held
 * @param records records they held (events and states)
 * @param lingerNanos waiting for more batches to join a transaction ({@link
 *     PublisherSettings#linger()}); taking in those that joined is counted as encode and send
 * @param encodeNanos checking the batches and encoding their events
 * @param sendNanos beginning the transaction and handing its records to the producer, batch by
 *     batch as each was taken (most of it during the linger)
 * @param offsetsNanos adding the consumer group's offsets to the transaction
 * @param commitNanos committing (the producer flushes the records, then ends the transaction)
 */
public record PublishTimings(
    long transactions,
    long batches,
    long records,
    long lingerNanos,
    long encodeNanos,
    long sendNanos,
    long offsetsNanos,
    long commitNanos) {

  /** No transaction yet. */
  public static final PublishTimings NONE = new PublishTimings(0, 0, 0, 0, 0, 0, 0, 0);

  /** This snapshot with one more committed transaction. */
  PublishTimings plus(
      int batches, int records, long linger, long encode, long send, long offsets, long commit) {
    return new PublishTimings(
        transactions + 1,
        this.batches + batches,
        this.records + records,
        lingerNanos + linger,
        encodeNanos + encode,
        sendNanos + send,
        offsetsNanos + offsets,
        commitNanos + commit);
  }

  /** What happened between an earlier snapshot and this one. */
  public PublishTimings since(PublishTimings earlier) {
    return new PublishTimings(
        transactions - earlier.transactions,
        batches - earlier.batches,
        records - earlier.records,
        lingerNanos - earlier.lingerNanos,
        encodeNanos - earlier.encodeNanos,
        sendNanos - earlier.sendNanos,
        offsetsNanos - earlier.offsetsNanos,
        commitNanos - earlier.commitNanos);
  }

  /**
   * One line of milliseconds per transaction: {@code linger=… encode=… send=… offsets=… commit=…}.
   */
  public String perTransaction() {
    double n = Math.max(1, transactions);
    return String.format(
        Locale.ROOT,
        "linger=%.2f encode=%.2f send=%.2f offsets=%.2f commit=%.2f ms per transaction",
        lingerNanos / n / 1e6,
        encodeNanos / n / 1e6,
        sendNanos / n / 1e6,
        offsetsNanos / n / 1e6,
        commitNanos / n / 1e6);
  }
}
