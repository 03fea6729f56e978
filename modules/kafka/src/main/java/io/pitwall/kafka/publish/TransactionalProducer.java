package io.pitwall.kafka.publish;

import io.pitwall.kafka.Availability;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.GroupPosition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The Kafka producer behind {@link TransactionalPublisher}, and what one transaction takes: begin,
 * send, the group's offsets (KIP-447), commit, and every failure's outcome settled. A commit that
 * times out is retried, as Kafka's contract says (never aborted: it may already be completing). A
 * transaction that fails otherwise is aborted; when even that fails the producer is closed and
 * re-created, which settles the open transaction, and the state store is re-read, since only the
 * topic knows that outcome. Being fenced by another producer with the same transactional id, or
 * refused by the cluster's authorisation, stops it for good. Confined to the publisher's thread,
 * but for the flags other threads read ({@link #failed}, {@link #resets}, {@link #groupFenced}).
 */
final class TransactionalProducer {

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

  /** How long each phase of one committed transaction took, in nanoseconds. */
  record Phases(long send, long offsets, long commit) {}

  private final Map<String, Object> config;
  private final Duration pauseBeforeCommit;
  private final Availability kafka;
  private final KafkaStateStore store;
  private final Set<String> pendingRemovals;
  private final List<Consumer<Producer<byte[], byte[]>>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private Producer<byte[], byte[]> producer;
  private volatile KafkaException fatal;
  private volatile boolean closing;
  private volatile long resets;
  private volatile long groupFenced;

  /**
   * @param settings the client settings and the fault injection
   * @param kafka where Kafka's availability is reported
   * @param store re-read after the producer was re-created
   * @param pendingRemovals the tombstones not committed yet, which a re-read must not bring back
   */
  TransactionalProducer(
      PublisherSettings settings,
      Availability kafka,
      KafkaStateStore store,
      Set<String> pendingRemovals) {
    this.config = config(settings);
    this.pauseBeforeCommit = settings.pauseBeforeCommit();
    this.kafka = kafka;
    this.store = store;
    this.pendingRemovals = pendingRemovals;
  }

  /** The producer settings the publisher owns, on top of the given client settings. */
  static Map<String, Object> config(PublisherSettings settings) {
    Map<String, Object> config = new HashMap<>(settings.producerConfig());
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TransactionalPublisher.MAX_BLOCK.toMillis());
    config.put(
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
        (int) TransactionalPublisher.TRANSACTION_TIMEOUT.toMillis());
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
        (int) Math.max(TransactionalPublisher.DELIVERY_TIMEOUT.toMillis(), request + linger));
    return config;
  }

  /**
   * Sends the records in one transaction, with the group position taken before they were checked,
   * and commits it, settling every failure's outcome.
   *
   * @return how long its phases took (zeros for no records)
   * @throws KafkaUnavailableException when it did not commit (retriable)
   * @throws GroupFencedException when the consumer group refused its offsets
   * @throws IllegalStateException once publishing stopped for good
   */
  Phases commit(List<ProducerRecord<byte[], byte[]>> records, GroupPosition position) {
    if (records.isEmpty()) {
      return new Phases(0, 0, 0);
    }
    long start = System.nanoTime();
    begin();
    for (ProducerRecord<byte[], byte[]> record : records) {
      send(record);
    }
    long sent = System.nanoTime();
    Phases phases = finish(position);
    return new Phases(sent - start, phases.offsets(), phases.commit());
  }

  /**
   * Begins a transaction (creating the producer first when there is none, waiting for Kafka), which
   * {@link #send} fills and {@link #finish} commits. A failure leaves no transaction open.
   *
   * @throws KafkaUnavailableException when it could not begin (retriable)
   * @throws IllegalStateException once publishing stopped for good
   */
  void begin() {
    ensureProducer();
    try {
      producer.beginTransaction();
    } catch (RuntimeException e) {
      throw failed(e, "a transaction could not begin");
    }
  }

  /**
   * Hands one record to the producer inside the open transaction. A record that fails later fails
   * the commit; one that fails here has aborted the transaction already.
   *
   * @throws KafkaUnavailableException when the transaction failed (retriable)
   * @throws IllegalStateException once publishing stopped for good
   */
  void send(ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record);
    } catch (RuntimeException e) {
      throw failed(e, "a transaction failed before its commit");
    }
  }

  /**
   * Adds the group's offsets (taken before the records were checked) to the open transaction and
   * commits it, settling every failure's outcome.
   *
   * @return how long the offsets and the commit took ({@link Phases#send()} is zero)
   * @throws KafkaUnavailableException when it did not commit (retriable)
   * @throws GroupFencedException when the consumer group refused its offsets
   * @throws IllegalStateException once publishing stopped for good
   */
  Phases finish(GroupPosition position) {
    long start = System.nanoTime();
    try {
      if (!pauseBeforeCommit.isZero()) {
        producer.flush();
        LOG.warn(
            "Fault injection: pausing {} ms inside an open transaction",
            pauseBeforeCommit.toMillis());
        sleep(pauseBeforeCommit);
      }
      if (position != null && !position.offsets().isEmpty()) {
        producer.sendOffsetsToTransaction(position.offsets(), position.metadata());
      }
    } catch (RuntimeException e) {
      throw failed(e, "a transaction failed before its commit");
    }
    long offsets = System.nanoTime();
    commitWithRetries();
    return new Phases(0, offsets - start, System.nanoTime() - offsets);
  }

  /**
   * Aborts the open transaction after a failure outside the producer, settling the abort's own
   * failure like any other (a new producer when it cannot be aborted).
   */
  void abandon() {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      try {
        abortOrReset(e);
      } catch (RuntimeException stopped) {
        LOG.debug("Abandoning a transaction: {}", describe(stopped));
      }
    }
  }

  /**
   * Settles a failure inside an open transaction: a fatal one stops publishing; any other aborts
   * the transaction (or re-creates the producer when even that fails) and is reported as the
   * group's fencing or as Kafka being unavailable (or, not being Kafka's, as it is).
   */
  private RuntimeException failed(RuntimeException e, String what) {
    if (e instanceof ProducerFencedException
        || e instanceof AuthorizationException
        || e instanceof AuthenticationException) {
      return stop((KafkaException) e);
    }
    abortOrReset(e);
    if (!(e instanceof KafkaException || e instanceof IllegalStateException)) {
      return e; // not Kafka's: a defect, reported as it is
    }
    if (groupFencing(e)) {
      return fencedByGroup(e);
    }
    return unavailable(what, e);
  }

  /** Creates the producer and initialises its transactions, retrying until Kafka answers. */
  void ensureProducer() {
    while (producer == null) {
      requireRunning();
      KafkaProducer<byte[], byte[]> created =
          new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
      try {
        created.initTransactions();
        producer = created;
        listeners.forEach(l -> l.accept(created));
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

  /** Observes every producer created from now on, and the current one at once. */
  void onProducer(Consumer<Producer<byte[], byte[]>> listener) {
    listeners.add(listener);
    if (producer != null) {
      listener.accept(producer);
    }
  }

  /** Fails once publishing stopped for good or the publisher is closing. */
  void requireRunning() {
    if (fatal != null) {
      throw new IllegalStateException("publisher stopped after a fatal producer error", fatal);
    }
    if (closing) {
      throw new IllegalStateException("publisher closed");
    }
  }

  /** Whether the producer hit an unrecoverable error (fenced, not authorised). */
  boolean failed() {
    return fatal != null;
  }

  /** Whether {@link #closing} was called. */
  boolean isClosing() {
    return closing;
  }

  /** How many times the producer was re-created after a transaction it could not settle. */
  long resets() {
    return resets;
  }

  /** How many transactions the consumer group's fencing refused (KIP-447). */
  long groupFenced() {
    return groupFenced;
  }

  /** From now on nothing waits for Kafka: retries end, and no new producer is made. */
  void closing() {
    closing = true;
  }

  /** Closes the producer, waiting at most {@code timeout} for what it still sends. */
  void close(Duration timeout) {
    if (producer != null) {
      producer.close(timeout);
    }
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
        kafka.down(
            OBSERVER,
            "a commit timed out after " + TransactionalPublisher.MAX_BLOCK.toSeconds() + " s");
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

  static KafkaUnavailableException unavailable(String what, Throwable cause) {
    return new KafkaUnavailableException(
        "Kafka transaction not committed: " + what + " (" + describe(cause) + ")", cause);
  }

  static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
