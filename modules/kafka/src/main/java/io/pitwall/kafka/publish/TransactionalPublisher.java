package io.pitwall.kafka.publish;

import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.GroupPosition;
import io.pitwall.kafka.watches.WatchPartitioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each poll's events and the watches' new states in one Kafka transaction, on its own
 * thread (the producer blocks); the polls whose results arrive while a transaction commits go out
 * together in the next one (a group commit, at most {@value #GROUP_LIMIT} polls), and keeps the
 * {@link KafkaStateStore} equal to what is committed. A crash anywhere leaves both or neither: a
 * successor with the same {@code transactional.id} completes or aborts the open transaction when it
 * initialises, and {@code read_committed} readers never see an aborted one.
 *
 * <p>Kafka outages are ridden through, never fatal. A commit that times out is retried, as Kafka's
 * contract says (never aborted: it may already be completing). A transaction that fails otherwise
 * is aborted; when even that fails, or the producer is in a state it cannot leave, the producer is
 * closed and re-created, which settles the open transaction, and the state store is re-read from
 * the topic, so that it shows exactly what is committed. Meanwhile {@link #availability()} reports
 * Kafka down, and batches wait in order. Only being fenced by another producer with the same
 * transactional id, or being refused by the cluster's authorisation, stops publishing for good.
 */
public final class TransactionalPublisher implements AutoCloseable {

  /** {@code max.block.ms}: how long a send, commit, abort or initialisation may block. */
  public static final Duration MAX_BLOCK = Duration.ofSeconds(10);

  /** {@code transaction.timeout.ms}: how long the coordinator lets a transaction stay open. */
  public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

  /** {@code delivery.timeout.ms}: how long a send is retried before it fails its transaction. */
  public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(40);

  /**
   * {@code batch.size} unless the client settings give one: large enough that a group commit's
   * records for one partition (64 polls' states of a few KB each) go out in one batch.
   */
  static final int BATCH_SIZE = 256 * 1024;

  /** {@code retry.backoff.ms} unless the client settings give one. */
  static final Duration RETRY_BACKOFF = Duration.ofMillis(10);

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);
  private static final String OBSERVER = "publisher";
  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final Duration UNSAFE_STATE_DELAY = Duration.ofSeconds(1);

  /** The value of a dead-letter mark in the state topic. */
  private static final byte[] DEAD_LETTERED = {1};

  private final PublisherSettings settings;
  private final Map<String, Object> producerConfig;
  private final AvroWireCodec codec;
  private final KafkaStateStore store;
  private final Availability kafka;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pitwall-publisher"));
  private final Set<String> pendingRemovals = ConcurrentHashMap.newKeySet();
  private final Map<String, byte[]> deferredStates = new LinkedHashMap<>();
  private final List<Consumer<Producer<byte[], byte[]>>> producerListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A batch waiting for its transaction, and its result. */
  private record Pending(PublishBatch batch, CompletableFuture<PublishResult> done) {}

  /** Most batches (poll results) one transaction holds. */
  static final int GROUP_LIMIT = 64;

  private final java.util.concurrent.LinkedBlockingQueue<Pending> waiting =
      new java.util.concurrent.LinkedBlockingQueue<>();
  private volatile PublishTimings timings = PublishTimings.NONE;
  // the phases of the last commit, in nanoseconds (the publisher's thread only)
  private long lastSend;
  private long lastOffsets;
  private long lastCommit;
  private Producer<byte[], byte[]> producer;
  private volatile java.util.function.Supplier<GroupPosition> group = () -> null;
  private volatile long groupFenced;
  private volatile KafkaException fatal;
  private volatile boolean closing;
  private volatile long resets;

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
    this.producerConfig = producerConfig(settings);
    this.codec = codec;
    this.store = store;
    this.kafka = kafka;
    run(this::ensureProducer).join();
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

  /** The producer settings the publisher owns, on top of the given client settings. */
  static Map<String, Object> producerConfig(PublisherSettings settings) {
    Map<String, Object> config = new HashMap<>(settings.producerConfig());
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
    // one batch per partition and transaction: a partition's second batch, pipelined behind the
    // first while the broker adds the partition to the transaction, is refused as out of order and
    // retried after retry.backoff.ms, which tripled the commit of a 64-poll transaction
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
    // a transaction's first records to a partition whose previous commit markers the broker is
    // still writing are refused with CONCURRENT_TRANSACTIONS and retried after retry.backoff.ms:
    // Kafka's 100 ms default then cost more than the commit itself (the backoff still grows
    // exponentially to retry.backoff.max.ms in an outage)
    config.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, (int) RETRY_BACKOFF.toMillis());
    long request =
        Long.parseLong(
            String.valueOf(config.getOrDefault(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000)));
    long linger =
        Long.parseLong(String.valueOf(config.getOrDefault(ProducerConfig.LINGER_MS_CONFIG, 5)));
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) Math.max(DELIVERY_TIMEOUT.toMillis(), request + linger));
    return config;
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
              if (error != null) {
                // the publisher is closed: nothing will drain this batch any more
                waiting.remove(pending);
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
    return groupFenced;
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
    return fatal != null;
  }

  /** Kafka's availability as the publisher sees it (shared with other observers). */
  public Availability availability() {
    return kafka;
  }

  /** How many times the producer was re-created after a transaction it could not settle. */
  public long resets() {
    return resets;
  }

  /**
   * Observes every producer the publisher creates, the current one first (for metrics binders);
   * called on the publisher's thread.
   */
  public void onProducer(Consumer<Producer<byte[], byte[]>> listener) {
    run(() -> {
          producerListeners.add(listener);
          if (producer != null) {
            listener.accept(producer);
          }
        })
        .join();
  }

  /**
   * Commits a group of batches in one transaction (a group commit: batches that arrived while the
   * previous transaction was committing go out together), and returns each batch's result.
   */
  private List<PublishResult> inTransaction(List<PublishBatch> batches, long lingered) {
    requireRunning();
    long start = System.nanoTime();
    // the group's view first, then the checks: a watch removed or moved before this snapshot was
    // taken is dropped here; one that moves after it is refused with the snapshot's generation
    GroupPosition position = group.get();
    TransactionContents contents =
        new TransactionContents(
            batches,
            key ->
                position == null
                    || position.owns(WatchPartitioner.ofStateKey(key, settings.statePartitions())),
            pendingRemovals::contains,
            codec);
    Set<String> dropped = contents.dropped();
    if (!dropped.isEmpty()) {
      LOG.info(
          "{}: removed or moved to another instance while being polled; its results are dropped",
          dropped);
    }
    if (settings.unsafeSplitTransactions()) {
      commit(contents.events, position);
      contents.states.forEach(store::put);
      deferredStates.putAll(contents.states);
      return contents.results;
    }
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(contents.events);
    contents.states.forEach((key, state) -> records.add(stateRecord(key, state)));
    long encoded = System.nanoTime() - start;
    commit(records, position);
    timings =
        timings.plus(
            batches.size(), records.size(), lingered, encoded, lastSend, lastOffsets, lastCommit);
    contents.states.forEach(store::put);
    return contents.results;
  }

  /**
   * Takes the batches waiting (at most {@link #GROUP_LIMIT}) and commits them together. When the
   * group fails because one batch holds an event that does not match its schema, each batch is
   * tried alone, so that only that batch is refused.
   */
  private void drain() {
    List<Pending> group = new ArrayList<>();
    waiting.drainTo(group, GROUP_LIMIT);
    if (group.isEmpty()) {
      return;
    }
    long lingered = linger(group);
    try {
      List<PublishResult> results =
          inTransaction(group.stream().map(Pending::batch).toList(), lingered);
      for (int i = 0; i < group.size(); i++) {
        group.get(i).done().complete(results.get(i));
      }
    } catch (io.pitwall.events.wire.InvalidEventException e) {
      if (group.size() == 1) {
        group.get(0).done().completeExceptionally(e);
        return;
      }
      for (Pending alone : group) {
        try {
          alone.done().complete(inTransaction(List.of(alone.batch()), 0).get(0));
        } catch (RuntimeException failed) {
          alone.done().completeExceptionally(failed);
        }
      }
    } catch (RuntimeException e) {
      group.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  /**
   * Waits up to {@link PublisherSettings#linger()} for more batches to join the group, until it
   * holds {@link PublisherSettings#lingerBatches()} (every poll in flight) or {@link #GROUP_LIMIT},
   * so that polls finishing a few milliseconds apart share one transaction instead of paying one
   * commit each; returns the nanoseconds it waited.
   */
  private long linger(List<Pending> group) {
    long linger = settings.linger().toNanos();
    int enough = Math.min(GROUP_LIMIT, settings.lingerBatches());
    if (linger <= 0 || group.size() >= enough) {
      return 0;
    }
    long start = System.nanoTime();
    long deadline = start + linger;
    try {
      for (long left = linger; left > 0 && group.size() < enough; ) {
        Pending next = waiting.poll(left, TimeUnit.NANOSECONDS);
        if (next == null) {
          break;
        }
        group.add(next);
        waiting.drainTo(group, GROUP_LIMIT - group.size());
        left = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      // closing: commit what the group holds
      Thread.currentThread().interrupt();
    }
    return System.nanoTime() - start;
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
          requireRunning();
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
    while (!closing && fatal == null) {
      try {
        commit(List.of(stateRecord(key, null)));
        pendingRemovals.remove(key);
        store.put(key, null);
        return;
      } catch (KafkaUnavailableException e) {
        sleep(BACKOFF);
      } catch (RuntimeException e) {
        LOG.warn("{}: could not tombstone its state yet: {}", key, e.getMessage());
        sleep(BACKOFF);
      }
    }
  }

  private void flushDeferredStates() {
    if (deferredStates.isEmpty() || fatal != null || closing) {
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
    commit(records, group.get());
  }

  /**
   * Sends the records in one transaction with the group position taken before they were checked,
   * and commits it, settling every failure's outcome.
   */
  private void commit(List<ProducerRecord<byte[], byte[]>> records, GroupPosition position) {
    if (records.isEmpty()) {
      return;
    }
    ensureProducer();
    long start = System.nanoTime();
    long sent = start;
    try {
      producer.beginTransaction();
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record);
      }
      sent = System.nanoTime();
      if (!settings.pauseBeforeCommit().isZero()) {
        producer.flush();
        LOG.warn(
            "Fault injection: pausing {} ms inside an open transaction",
            settings.pauseBeforeCommit().toMillis());
        sleep(settings.pauseBeforeCommit());
      }
      if (position != null && !position.offsets().isEmpty()) {
        producer.sendOffsetsToTransaction(position.offsets(), position.metadata());
      }
    } catch (ProducerFencedException | AuthorizationException | AuthenticationException e) {
      throw stop(e);
    } catch (KafkaException | IllegalStateException e) {
      abortOrReset(e);
      if (groupFencing(e)) {
        throw fencedByGroup(e);
      }
      throw unavailable("a transaction failed before its commit", e);
    }
    long offsets = System.nanoTime();
    commitWithRetries();
    lastSend = sent - start;
    lastOffsets = offsets - sent;
    lastCommit = System.nanoTime() - offsets;
  }

  /** Whether the group coordinator refused the transaction's offsets: the generation is over. */
  private static boolean groupFencing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CommitFailedException
          || t instanceof FencedInstanceIdException
          || t instanceof IllegalGenerationException
          || t instanceof UnknownMemberIdException
          || t instanceof RebalanceInProgressException) {
        return true;
      }
    }
    return false;
  }

  private GroupFencedException fencedByGroup(Throwable e) {
    groupFenced++;
    LOG.warn(
        "A transaction was refused by the consumer group's fencing and aborted ({}): this"
            + " instance's generation is over, its partitions may have moved",
        describe(e));
    return new GroupFencedException("transaction fenced by the consumer group: " + describe(e), e);
  }

  /** Kafka's contract: a commit that timed out is retried, never followed by an abort. */
  private void commitWithRetries() {
    while (true) {
      try {
        producer.commitTransaction();
        kafka.up(OBSERVER);
        return;
      } catch (TimeoutException e) {
        kafka.down(OBSERVER, "a commit timed out after " + MAX_BLOCK.toSeconds() + " s");
        if (closing) {
          throw unavailable("closing while a commit was pending", e);
        }
      } catch (ProducerFencedException | AuthorizationException | AuthenticationException e) {
        throw stop(e);
      } catch (KafkaException | IllegalStateException e) {
        // the commit failed for good (an earlier send failed, the coordinator aborted it, the
        // group fenced it): abort, or when even that fails settle the outcome through a new
        // producer
        abortOrReset(e);
        if (groupFencing(e)) {
          throw fencedByGroup(e);
        }
        throw unavailable("a commit failed", e);
      }
    }
  }

  private void abortOrReset(RuntimeException cause) {
    // the group's refusal is no outage: Kafka answered, the generation is over
    boolean outage = !groupFencing(cause);
    if (outage) {
      kafka.down(OBSERVER, describe(cause));
    }
    while (!closing) {
      try {
        producer.abortTransaction();
        if (outage) {
          kafka.up(OBSERVER);
        }
        return;
      } catch (TimeoutException e) {
        // Kafka is away: the abort may be retried
      } catch (ProducerFencedException | AuthorizationException | AuthenticationException e) {
        throw stop(e);
      } catch (KafkaException | IllegalStateException e) {
        reset(e);
        return;
      }
    }
  }

  /**
   * Closes the producer and creates a new one, whose initialisation completes or aborts the open
   * transaction; then the state store is re-read, since only the topic knows that outcome.
   */
  private void reset(RuntimeException cause) {
    resets++;
    kafka.down(OBSERVER, describe(cause));
    LOG.warn(
        "Re-creating the Kafka producer after {}; the state topic is then re-read",
        describe(cause));
    closeProducer();
    ensureProducer();
    while (!closing) {
      try {
        store.reload(Set.copyOf(pendingRemovals));
        return;
      } catch (RuntimeException e) {
        kafka.down(OBSERVER, "the state topic could not be re-read: " + describe(e));
        sleep(BACKOFF);
      }
    }
  }

  private void ensureProducer() {
    while (producer == null) {
      requireRunning();
      KafkaProducer<byte[], byte[]> created =
          new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
      try {
        created.initTransactions();
        producer = created;
        producerListeners.forEach(l -> l.accept(created));
        kafka.up(OBSERVER);
      } catch (ProducerFencedException | AuthorizationException | AuthenticationException e) {
        created.close(Duration.ZERO);
        throw stop(e);
      } catch (KafkaException e) {
        created.close(Duration.ZERO);
        kafka.down(OBSERVER, "transactions could not be initialised: " + describe(e));
        if (closing) {
          throw unavailable("closing while Kafka was unavailable", e);
        }
        sleep(BACKOFF);
      }
    }
  }

  private void closeProducer() {
    if (producer != null) {
      try {
        producer.close(Duration.ZERO);
      } catch (RuntimeException e) {
        LOG.debug("Closing a failed producer: {}", e.toString());
      }
      producer = null;
    }
  }

  private IllegalStateException stop(KafkaException e) {
    fatal = e;
    LOG.error("Fatal producer error; publishing stops: {}", describe(e));
    return new IllegalStateException("publishing stopped: " + describe(e), e);
  }

  private void requireRunning() {
    if (fatal != null) {
      throw new IllegalStateException("publisher stopped after a fatal producer error", fatal);
    }
    if (closing) {
      throw new IllegalStateException("publisher closed");
    }
  }

  private static KafkaUnavailableException unavailable(String what, Throwable cause) {
    return new KafkaUnavailableException(
        "Kafka transaction not committed: " + what + " (" + describe(cause) + ")", cause);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing = true;
    thread.shutdown();
    try {
      if (!thread.awaitTermination(MAX_BLOCK.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
