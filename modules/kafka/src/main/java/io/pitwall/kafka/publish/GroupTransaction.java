package io.pitwall.kafka.publish;

import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.InvalidEventException;
import io.pitwall.kafka.watches.GroupPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group commit while the publisher fills it: each batch is checked, encoded and sent into the
 * open transaction as soon as it is taken, so that its records travel to the broker while the
 * publisher lingers for more and only the commit is left at the end (as Kafka's own
 * ProducerPerformance does). A batch that cannot be encoded (an event that does not match its
 * schema, or the schema registry away) is refused alone before any of its records is sent; the
 * others go on. The transaction begins with the first record and carries the group position taken
 * before the first batch was checked: a watch that moved before that snapshot is dropped, one that
 * moves after it makes the commit fail the group's fencing. Confined to the publisher's thread, and
 * used once.
 */
final class GroupTransaction {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);

  /** How long a transaction takes batches in once it has begun (its commit then follows). */
  static final java.time.Duration OPEN_BUDGET = java.time.Duration.ofSeconds(5);

  /** A batch taken into the transaction, and its result once committed. */
  private record Accepted(CompletableFuture<PublishResult> done, PublishResult result) {}

  private final TransactionalProducer producer;
  private final AvroWireCodec codec;
  private final GroupPosition position;
  private final Predicate<String> owned;
  private final Predicate<String> removing;
  private final BiFunction<String, byte[], ProducerRecord<byte[], byte[]>> stateRecord;
  private final boolean statesInside;
  private final List<Accepted> accepted = new ArrayList<>();
  private final Map<String, byte[]> states = new LinkedHashMap<>();
  private boolean open;
  private boolean accepting = true;
  private long begunAt;
  private int records;
  private long encodeNanos;
  private long sendNanos;

  /**
   * @param producer where the records go
   * @param codec encodes the events
   * @param position the group's view, taken now (null while the instance owns nothing yet)
   * @param owned whether a state key belongs to this instance in that view
   * @param removing whether a watch's state is being tombstoned
   * @param stateRecord the state topic's record for a key and state
   * @param statesInside whether the states go into this transaction with the events (false only for
   *     the fault injection that commits them separately)
   */
  GroupTransaction(
      TransactionalProducer producer,
      AvroWireCodec codec,
      GroupPosition position,
      Predicate<String> owned,
      Predicate<String> removing,
      BiFunction<String, byte[], ProducerRecord<byte[], byte[]>> stateRecord,
      boolean statesInside) {
    this.producer = producer;
    this.codec = codec;
    this.position = position;
    this.owned = owned;
    this.removing = removing;
    this.stateRecord = stateRecord;
    this.statesInside = statesInside;
  }

  /**
   * Takes a batch in: encodes it and sends its records, or, when it cannot be encoded ({@link
   * io.pitwall.events.wire.InvalidEventException}, {@link
   * io.pitwall.events.wire.SchemaRegistryException}), completes {@code done} with that error and
   * sends nothing of it.
   *
   * @throws KafkaUnavailableException when the transaction failed (it is aborted; retriable)
   * @throws IllegalStateException once publishing stopped for good
   */
  void add(PublishBatch batch, CompletableFuture<PublishResult> done) {
    long start = System.nanoTime();
    BatchContents contents;
    try {
      contents = BatchContents.of(batch, owned, removing, codec);
    } catch (RuntimeException e) {
      // an event its schema refuses, or the registry away while a schema id was looked up:
      // nothing of this batch was sent, and the others go on
      if (!(e instanceof InvalidEventException)) {
        // the registry may hang the next batch as long: take no more into the open transaction
        accepting = false;
      }
      done.completeExceptionally(e);
      return;
    } finally {
      encodeNanos += System.nanoTime() - start;
    }
    if (!contents.result().dropped().isEmpty()) {
      LOG.info(
          "{}: removed or moved to another instance while being polled; its results are dropped",
          contents.result().dropped());
    }
    accepted.add(new Accepted(done, contents.result()));
    long sending = System.nanoTime();
    try {
      contents.events().forEach(this::send);
      if (statesInside) {
        contents.states().forEach((key, state) -> send(stateRecord.apply(key, state)));
      }
    } finally {
      sendNanos += System.nanoTime() - sending;
    }
    states.putAll(contents.states());
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    if (!open) {
      producer.begin();
      open = true;
      begunAt = System.nanoTime();
    }
    try {
      producer.send(record);
    } catch (RuntimeException e) {
      open = false; // the producer settled it (aborted, or a new producer)
      throw e;
    }
    records++;
  }

  /**
   * Whether the transaction should take more batches: not once a batch could not be encoded for a
   * reason other than its own events (the schema registry away: its calls may hang each batch up to
   * their timeout), nor once it has been open for {@link #OPEN_BUDGET}, so that it commits well
   * within the coordinator's {@link TransactionalPublisher#TRANSACTION_TIMEOUT}. The batches not
   * taken wait for the next transaction.
   */
  boolean accepting() {
    return accepting && (!open || System.nanoTime() - begunAt < OPEN_BUDGET.toNanos());
  }

  /**
   * Commits the transaction (nothing to do when no record was sent).
   *
   * @return how long the offsets and the commit took
   * @throws KafkaUnavailableException when it did not commit (retriable)
   * @throws GroupFencedException when the consumer group refused its offsets
   * @throws IllegalStateException once publishing stopped for good
   */
  TransactionalProducer.Phases commit() {
    if (!open) {
      return new TransactionalProducer.Phases(0, 0, 0);
    }
    open = false; // committed, or settled by the producer when it failed
    return producer.finish(position);
  }

  /**
   * Aborts the transaction when one was begun and not committed: for a failure that escaped the
   * producer's own handling, so that the next transaction does not find this one open.
   */
  void abandon() {
    if (open) {
      open = false;
      producer.abandon();
    }
  }

  /** Completes every accepted batch's future with its result: call once committed. */
  void complete() {
    accepted.forEach(a -> a.done().complete(a.result()));
  }

  /** The states the accepted batches write, by watch key, the latest last. */
  Map<String, byte[]> states() {
    return states;
  }

  /** How many batches were accepted. */
  int accepted() {
    return accepted.size();
  }

  /** How many records were sent. */
  int records() {
    return records;
  }

  /** Nanoseconds spent checking and encoding batches. */
  long encodeNanos() {
    return encodeNanos;
  }

  /** Nanoseconds spent handing records to the producer (beginning the transaction included). */
  long sendNanos() {
    return sendNanos;
  }
}
