package io.pitwall.kafka.publish;

import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.GroupPosition;
import io.pitwall.kafka.watches.WatchPartitioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each poll's events and the watches' new states in one Kafka transaction, on its own
 * thread (the producer blocks); the polls whose results arrive while a transaction commits go out
 * together in the next one (a group commit, at most {@value #GROUP_LIMIT} polls, each sent into the
 * open transaction as it is taken: {@link GroupTransaction}), and keeps the {@link KafkaStateStore}
 * equal to what is committed. A crash anywhere leaves both or neither: a successor with the same
 * {@code transactional.id} completes or aborts the open transaction when it initialises, and {@code
 * read_committed} readers never see an aborted one.
 *
 * <p>Kafka outages are ridden through, never fatal. A commit that times out is retried, as Kafka's
 * contract says (never aborted: it may already be completing). A transaction that fails otherwise
 * is aborted; when even that fails, or the producer is in a state it cannot leave, the producer is
 * closed and re-created, which settles the open transaction, and the state store is re-read from
 * the topic, so that it shows exactly what is committed. Meanwhile {@link #availability()} reports
 * Kafka down, and batches wait in order. Only being fenced by another producer with the same
 * transactional.id, or being refused by the cluster's authorisation, stops publishing for good. The
 * producer and what one transaction takes are {@link TransactionalProducer}'s.
 */
public final class TransactionalPublisher implements AutoCloseable {

  /** {@code max.block.ms}: how long a send, commit, abort or initialisation may block. */
  public static final Duration MAX_BLOCK = Duration.ofSeconds(10);

  /** {@code transaction.timeout.ms}: how long the coordinator lets a transaction stay open. */
  public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

  /** {@code delivery.timeout.ms}: how long a send is retried before it fails its transaction. */
  public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(40);

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);
  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final Duration UNSAFE_STATE_DELAY = Duration.ofSeconds(1);

  /** The value of a dead-letter mark in the state topic. */
  private static final byte[] DEAD_LETTERED = {1};

  private final PublisherSettings settings;
  private final AvroWireCodec codec;
  private final KafkaStateStore store;
  private final Availability kafka;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pitwall-publisher"));
  private final Set<String> pendingRemovals = ConcurrentHashMap.newKeySet();
  private final Map<String, byte[]> deferredStates = new LinkedHashMap<>();
  private final TransactionalProducer producer;

  /** A batch waiting for its transaction, and its result. */
  private record Pending(PublishBatch batch, CompletableFuture<PublishResult> done) {}

  /** Most batches (poll results) one transaction holds. */
  static final int GROUP_LIMIT = 64;

  private final java.util.concurrent.LinkedBlockingQueue<Pending> waiting =
      new java.util.concurrent.LinkedBlockingQueue<>();
  private volatile PublishTimings timings = PublishTimings.NONE;
  private volatile java.util.function.Supplier<GroupPosition> group = () -> null;

  /**
   * Creates the producer and initialises its transactions, waiting (and retrying) until Kafka
   * answers: this fences a previous incarnation with the same transactional id and settles its open
   * transaction, so that the state topic can then be read to its end without waiting for it.
   *
   * @param settings connection and fault-injection settings
   * @param codec encodes events in the Schema Registry wire format
   * @param store the state store this publisher keeps current
   * @param kafka where Kafka's availability, as the publisher sees it, is reported
   */
  public TransactionalPublisher(
      PublisherSettings settings, AvroWireCodec codec, KafkaStateStore store, Availability kafka) {
    this.settings = settings;
    this.codec = codec;
    this.store = store;
    this.kafka = kafka;
    this.producer = new TransactionalProducer(settings, kafka, store, pendingRemovals);
    run(producer::ensureProducer).join();
    if (settings.unsafeSplitTransactions()) {
      LOG.warn(
          "Fault injection: events and states are committed in separate transactions; exactly-once"
              + " is broken on purpose");
      thread.scheduleWithFixedDelay(
          this::flushDeferredStates,
          UNSAFE_STATE_DELAY.toMillis(),
          UNSAFE_STATE_DELAY.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Publishes a batch atomically. The future completes once the transaction committed and the state
   * store shows it; it fails with {@link KafkaUnavailableException} when the transaction did not
   * commit (retriable), with the codec's exception when an event cannot be encoded (nothing sent),
   * or with {@link IllegalStateException} once publishing stopped for good.
   */
  public CompletableFuture<PublishResult> publish(PublishBatch batch) {
    Pending pending = new Pending(batch, new CompletableFuture<>());
    waiting.add(pending);
    run(this::drain)
        .whenComplete(
            (ok, error) -> {
              // the publisher is closed: nothing will drain this batch any more, unless a drain
              // still running took it already (then that drain completes it)
              if (error != null && waiting.remove(pending)) {
                pending.done().completeExceptionally(error);
              }
            });
    return pending.done();
  }

  /** How many batches wait for a transaction (not yet taken into one). */
  public int queued() {
    return waiting.size();
  }

  /** How many transactions of batches committed (a group commit counts once). */
  public long transactions() {
    return timings.transactions();
  }

  /** Where the publisher's thread spent its time in the transactions of batches so far. */
  public PublishTimings timings() {
    return timings;
  }

  /**
   * Removes a watch's state: at once from the store, and from the topic by a tombstone that is
   * retried until it commits (in order with the batches: one queued before it cannot bring the
   * state back, and one polled after it starts from no state).
   */
  public void tombstone(String key) {
    pendingRemovals.add(key);
    store.put(key, null);
    run(() -> commitTombstone(key));
  }

  /**
   * Makes every transaction carry the consumer group's metadata and the owned positions (KIP-447),
   * so that a commit from an instance whose generation is over fails with {@link
   * GroupFencedException} instead of publishing results for watches another instance now owns.
   *
   * @param position the current snapshot (null while the instance owns nothing yet)
   */
  public void fencedBy(java.util.function.Supplier<GroupPosition> position) {
    this.group = position;
  }

  /** How many transactions the consumer group's fencing refused (KIP-447). */
  public long groupFenced() {
    return producer.groupFenced();
  }

  /**
   * Waits until every batch, tombstone and dead letter queued before this call is committed or has
   * failed: a partition given up after this sees no later commit of this instance.
   */
  public void barrier(Duration timeout) {
    try {
      run(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("The publisher did not drain within {}: {}", timeout, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the producer hit an unrecoverable error (fenced, not authorised). */
  public boolean failed() {
    return producer.failed();
  }

  /** Kafka's availability as the publisher sees it (shared with other observers). */
  public Availability availability() {
    return kafka;
  }

  /** How many times the producer was re-created after a transaction it could not settle. */
  public long resets() {
    return producer.resets();
  }

  /**
   * Observes every producer the publisher creates, the current one first (for metrics binders);
   * called on the publisher's thread.
   */
  public void onProducer(Consumer<Producer<byte[], byte[]>> listener) {
    run(() -> producer.onProducer(listener)).join();
  }

  /**
   * Takes the batches waiting (at most {@link #GROUP_LIMIT}) into one transaction, sending each
   * one's records as it is taken, lingers for more, and commits them together (a group commit:
   * batches that arrive while the previous transaction commits go out in the next one). A batch
   * that cannot be encoded is refused alone; when the transaction fails, every batch taken into it
   * fails with that error.
   */
  private void drain() {
    Pending first = waiting.poll();
    if (first == null) {
      return;
    }
    List<Pending> taken = new ArrayList<>();
    taken.add(first);
    GroupTransaction transaction = null;
    Filled filled = null;
    try {
      producer.requireRunning();
      // the group's view first, then the checks: a watch removed or moved before this snapshot
      // was taken is dropped; one that moves after it is refused with the snapshot's generation
      GroupPosition position = group.get();
      transaction =
          new GroupTransaction(
              producer,
              codec,
              position,
              key ->
                  position == null
                      || position.owns(
                          WatchPartitioner.ofStateKey(key, settings.statePartitions())),
              pendingRemovals::contains,
              this::stateRecord,
              !settings.unsafeSplitTransactions());
      transaction.add(first.batch(), first.done());
      filled = fill(transaction, taken);
      TransactionalProducer.Phases phases = transaction.commit();
      if (transaction.records() > 0) {
        timings =
            timings.plus(
                transaction.accepted(),
                transaction.records(),
                filled.waitedNanos(),
                transaction.encodeNanos(),
                transaction.sendNanos(),
                phases.offsets(),
                phases.commit());
      }
      // a watch removed while its transaction was open keeps no state: its tombstone follows
      Map<String, byte[]> kept = new LinkedHashMap<>(transaction.states());
      kept.keySet().removeIf(pendingRemovals::contains);
      kept.forEach(store::put);
      if (settings.unsafeSplitTransactions()) {
        deferredStates.putAll(kept);
      }
      transaction.complete();
    } catch (RuntimeException e) {
      if (transaction != null) {
        transaction.abandon();
      }
      // completes only the batches not refused already
      taken.forEach(p -> p.done().completeExceptionally(e));
    } finally {
      if (filled != null && filled.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** How a transaction was filled: the nanoseconds spent waiting, and whether that was cut off. */
  private record Filled(long waitedNanos, boolean interrupted) {}

  /**
   * Takes the batches waiting into the transaction, then waits up to {@link
   * PublisherSettings#linger()} for more, taking each in as it arrives, until it holds {@link
   * PublisherSettings#lingerBatches()} (every poll in flight), so that polls finishing a few
   * milliseconds apart share one commit instead of paying one each. It never takes more than {@link
   * #GROUP_LIMIT}, nor any once the transaction stops {@link GroupTransaction#accepting()} or the
   * publisher is closing. Waiting is counted; taking batches in is not (that is encoding and
   * sending). An interrupt ends the waiting; the transaction still commits, and the interrupt is
   * restored after it.
   */
  private Filled fill(GroupTransaction transaction, List<Pending> taken) {
    int enough = Math.min(GROUP_LIMIT, settings.lingerBatches());
    long deadline = System.nanoTime() + settings.linger().toNanos();
    long waited = 0;
    while (taken.size() < GROUP_LIMIT && transaction.accepting() && !producer.isClosing()) {
      Pending next = waiting.poll();
      if (next == null) {
        long left = deadline - System.nanoTime();
        if (taken.size() >= enough || left <= 0) {
          break;
        }
        long start = System.nanoTime();
        try {
          next = waiting.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          return new Filled(waited + System.nanoTime() - start, true);
        }
        waited += System.nanoTime() - start;
        if (next == null) {
          break;
        }
      }
      taken.add(next);
      transaction.add(next.batch(), next.done());
    }
    return new Filled(waited, false);
  }

  /**
   * Sends a dead letter together with the mark that remembers it in the state topic, in one
   * transaction, so that a restart neither loses the letter nor sends it again. Fails like {@link
   * #publish} (retriable with {@link KafkaUnavailableException}).
   *
   * @param letter the record for the dead-letter topic, with its provenance headers
   * @param markKey the state key of the mark
   */
  public CompletableFuture<Void> deadLetter(ProducerRecord<byte[], byte[]> letter, String markKey) {
    return run(
        () -> {
          producer.requireRunning();
          commit(List.of(letter, stateRecord(markKey, DEAD_LETTERED)));
          store.put(markKey, DEAD_LETTERED);
        });
  }

  private ProducerRecord<byte[], byte[]> stateRecord(String key, byte[] state) {
    return new ProducerRecord<>(
        settings.stateTopic(),
        WatchPartitioner.ofStateKey(key, settings.statePartitions()),
        bytes(key),
        state);
  }

  private static byte[] bytes(String key) {
    return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void commitTombstone(String key) {
    while (!producer.isClosing() && !producer.failed()) {
      try {
        commit(List.of(stateRecord(key, null)));
        deferredStates.remove(key);
        pendingRemovals.remove(key);
        store.put(key, null);
        return;
      } catch (KafkaUnavailableException e) {
        TransactionalProducer.sleep(BACKOFF);
      } catch (RuntimeException e) {
        LOG.warn("{}: could not tombstone its state yet: {}", key, e.getMessage());
        TransactionalProducer.sleep(BACKOFF);
      }
    }
  }

  private void flushDeferredStates() {
    if (deferredStates.isEmpty() || producer.failed() || producer.isClosing()) {
      return;
    }
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    deferredStates.forEach((key, state) -> records.add(stateRecord(key, state)));
    try {
      commit(records);
      deferredStates.clear();
    } catch (RuntimeException e) {
      LOG.warn("Fault injection: deferred states not committed yet: {}", e.getMessage());
    }
  }

  /** Sends the records in one transaction and commits it, settling every failure's outcome. */
  private void commit(List<ProducerRecord<byte[], byte[]>> records) {
    producer.commit(records, group.get());
  }

  private CompletableFuture<Void> run(Runnable task) {
    return supply(
        () -> {
          task.run();
          return null;
        });
  }

  private <T> CompletableFuture<T> supply(java.util.function.Supplier<T> task) {
    CompletableFuture<T> future = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            try {
              future.complete(task.get());
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      future.completeExceptionally(new IllegalStateException("publisher closed"));
    }
    return future;
  }

  @Override
  public void close() {
    producer.closing();
    thread.shutdown();
    try {
      if (!thread.awaitTermination(MAX_BLOCK.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
