package io.pitwall.app.engine;

import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.WatchResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Polls one source's credential pool on a Vert.x context of its own: it owns the pool's pollers,
 * its {@link WatchScheduler} and its budgets, and only its context ever touches them, so none of
 * them takes a lock. Everything else reaches it by messages on the event bus ({@link #address}):
 * watches added, changed or removed, partitions given up, the fleet's budget shares and peers'
 * pauses, and the engine's scheduling rounds. Each round hands the due requests to the pollers;
 * Reactor composes each poll with its publish (the publisher commits the polls that arrive together
 * in one transaction), and the result comes back to this context before the scheduler hears of it.
 * A poll holds its slot until its publish settled, so a slow Kafka slows polling down. What other
 * threads may read is published as a {@link PollingViews.View}.
 */
final class PollingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PollingVerticle.class);

  /** How often the snapshot for other threads is refreshed at least. */
  static final Duration VIEW_EVERY = Duration.ofSeconds(1);

  /** A message to a polling verticle. */
  sealed interface Command permits Upsert, Remove, Release, Budgets, Round {}

  /**
   * Adds a watch or changes its definition. Not answered: the sender does not wait (the verticle
   * logs the watch, or why it could not take it).
   */
  record Upsert(WatchDefinition watch) implements Command {}

  /**
   * Stops polling a watch. Not answered; the verticle logs it when the watch was scheduled.
   *
   * @param why what the log says happened
   */
  record Remove(WatchKey key, String why) implements Command {}

  /**
   * Stops polling the watches of partitions given up (their polls in flight become stale); replied
   * to with their keys.
   */
  record Release(Set<Integer> partitions) implements Command {}

  /**
   * The fleet's decision: each credential's share of its budget, and the pauses other instances
   * were told by the server, by credential id.
   */
  record Budgets(Map<String, Double> shares, Map<String, Instant> pauses) implements Command {}

  /** A scheduling round of the engine's clock. */
  record Round(long number) implements Command {}

  /**
   * What a verticle shares with the rest of the engine (each part thread-safe without a lock on
   * this side: the publisher has its own thread, the statuses and generations are concurrent maps).
   *
   * @param results publishes a poll's results
   * @param statuses each watch's last outcome
   * @param metrics the registry
   * @param generations tells a poll whose watch was removed meanwhile
   * @param views where this verticle publishes its snapshot
   * @param clock the engine's clock
   * @param open whether a poll may start now (Kafka and the registry up, a group member, running)
   * @param inFlight polls in flight in the whole engine (a graceful stop waits for them)
   * @param afterPublish told after each publish (the engine checks whether publishing failed)
   * @param partitionOf a watch's partition of the watches topic
   */
  record Shared(
      ResultPublisher results,
      WatchStatuses statuses,
      PitwallMetrics metrics,
      WatchGenerations generations,
      PollingViews views,
      Clock clock,
      BooleanSupplier open,
      AtomicInteger inFlight,
      Runnable afterPublish,
      ToIntFunction<WatchKey> partitionOf) {}

  private final String source;
  private final Map<String, SourcePoller> pollers;
  private final WatchScheduler scheduler;
  private final Shared shared;
  private final AtomicBoolean roundQueued = new AtomicBoolean();
  private MessageConsumer<Command> consumer;
  private boolean changed = true;

  /** The keys and counts last published, and the scheduler's version they were taken at. */
  private List<String> keysView = List.of();

  private Map<String, Map<Integer, Integer>> countsView = Map.of();
  private long viewVersion = -1;
  private long viewTakenAt = Long.MIN_VALUE;

  /**
   * @param source the source id
   * @param pollers the pool's pollers, by credential id
   * @param scheduler the pool's scheduler (this verticle's alone from now on)
   */
  PollingVerticle(
      String source, Map<String, SourcePoller> pollers, WatchScheduler scheduler, Shared shared) {
    this.source = source;
    this.pollers = Map.copyOf(pollers);
    this.scheduler = scheduler;
    this.shared = shared;
  }

  /** The event-bus address of a source's polling verticle. */
  static String address(String source) {
    return "pitwall.polling." + source;
  }

  /** The source it polls. */
  String source() {
    return source;
  }

  /** Its context, once deployed (null before). */
  io.vertx.core.Context home() {
    return context;
  }

  /**
   * Whether a round message may be sent now: at most one waits in the verticle's queue, so a busy
   * verticle skips rounds instead of piling them up.
   */
  boolean queueRound() {
    return roundQueued.compareAndSet(false, true);
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().localConsumer(address(source), this::handle);
    refreshView(true);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister();
  }

  private void handle(Message<Command> message) {
    Command command = message.body();
    try {
      if (command instanceof Round) {
        roundQueued.set(false);
        round();
      } else if (command instanceof Upsert upsert) {
        upsert(upsert.watch());
      } else if (command instanceof Remove remove) {
        changed = true;
        if (scheduler.remove(remove.key())) {
          LOG.info("{}: {}", remove.key(), remove.why());
        }
      } else if (command instanceof Release release) {
        message.reply(release(release.partitions()), LocalCodec.LOCAL);
      } else if (command instanceof Budgets budgets) {
        apply(budgets);
        changed = true;
      }
    } catch (RuntimeException e) {
      LOG.error("{} polling: {} failed: {}", source, command, e.toString());
      if (message.replyAddress() != null) {
        message.fail(1, e.getMessage());
      }
    }
    if (command instanceof Round) {
      refreshView(changed);
    }
  }

  private void upsert(WatchDefinition watch) {
    scheduler.upsert(watch, shared.clock().instant());
    changed = true;
    LOG.info(
        "{}: watched through the watches topic{}",
        watch.key(),
        watch.label() == null ? "" : " (" + watch.label() + ")");
  }

  private List<WatchKey> release(Set<Integer> partitions) {
    List<WatchKey> leaving =
        scheduler.keysWhere(k -> partitions.contains(shared.partitionOf().applyAsInt(k)));
    for (WatchKey key : leaving) {
      // a poll of it in flight is stale from here on: its results are dropped, not committed
      shared.generations().removed(key.toString());
      scheduler.remove(key);
    }
    changed |= !leaving.isEmpty();
    return leaving;
  }

  private void apply(Budgets budgets) {
    onBuckets(budgets.shares(), io.pitwall.core.budget.TokenBucket::share);
    onBuckets(budgets.pauses(), io.pitwall.core.budget.TokenBucket::pauseFromPeer);
  }

  /** Applies each credential's value to its bucket (credentials of other pools are ignored). */
  private <T> void onBuckets(
      Map<String, T> values,
      java.util.function.BiConsumer<io.pitwall.core.budget.TokenBucket, T> action) {
    values.forEach(
        (credential, value) -> {
          SourcePoller poller = pollers.get(credential);
          if (poller != null) {
            action.accept(poller.budget(), value);
          }
        });
  }

  private void round() {
    if (!shared.open().getAsBoolean()) {
      return;
    }
    for (WatchScheduler.Batch batch : scheduler.takeDue(shared.clock().instant())) {
      poll(batch);
    }
  }

  private void poll(WatchScheduler.Batch batch) {
    SourcePoller poller = pollers.get(batch.dispatch().credential());
    Instant detectedAt = shared.clock().instant();
    Predicate<String> current =
        shared
            .generations()
            .current(
                shared
                    .generations()
                    .snapshot(batch.watches().stream().map(w -> w.key().toString()).toList()));
    shared.inFlight().incrementAndGet();
    Mono.defer(() -> poller.poll(batch.watches(), detectedAt))
        .flatMap(polled -> shared.results().publish(polled, current))
        .switchIfEmpty(Mono.error(new IllegalStateException("the poll ended without a result")))
        .subscribe(
            outcomes -> context.runOnContext(v -> settle(poller, batch, outcomes, current, null)),
            error -> context.runOnContext(v -> settle(poller, batch, null, current, error)));
  }

  /** Back on this context: the scheduler hears of the poll, and its slot is free. */
  private void settle(
      SourcePoller poller,
      WatchScheduler.Batch batch,
      List<ResultPublisher.Outcome> outcomes,
      Predicate<String> current,
      Throwable error) {
    try {
      shared.afterPublish().run();
      if (error == null) {
        finished(poller, batch, outcomes, current);
      } else {
        LOG.error("{} poll failed unexpectedly; its watches are polled again", source, error);
        List<WatchResult> failed = new ArrayList<>();
        batch
            .watches()
            .forEach(
                w -> failed.add(WatchResult.failed(w, PollOutcome.UPSTREAM_ERROR, "poll failed")));
        scheduler.done(batch, failed, shared.clock().instant(), poller.budget());
      }
    } catch (RuntimeException e) {
      LOG.error("{}: a poll's result could not be recorded", source, e);
    } finally {
      scheduler.release(batch);
      shared.inFlight().decrementAndGet();
    }
  }

  private void finished(
      SourcePoller poller,
      WatchScheduler.Batch batch,
      List<ResultPublisher.Outcome> outcomes,
      Predicate<String> current) {
    List<WatchResult> reports = new ArrayList<>();
    for (ResultPublisher.Outcome outcome : outcomes) {
      WatchResult r = outcome.result();
      switch (outcome.fate()) {
        case PUBLISHED, REJECTED -> {
          shared.statuses().record(poller.source(), r, current);
          reports.add(r);
        }
        case NOT_PUBLISHED ->
            reports.add(WatchResult.failed(r.watch(), PollOutcome.UPSTREAM_ERROR, "not published"));
        case DROPPED -> {
          // removed while it was polled: nothing to report
        }
      }
    }
    scheduler
        .done(batch, reports, shared.clock().instant(), poller.budget())
        .forEach((key, staleness) -> shared.metrics().staleness(key.source(), staleness));
  }

  /**
   * Publishes the snapshot at a round after the watches changed, and at least every {@link
   * #VIEW_EVERY} (never per message: 100,000 watches arrive one message each at a start).
   */
  private void refreshView(boolean force) {
    long now = System.nanoTime();
    if (!force && now - viewTakenAt < VIEW_EVERY.toNanos()) {
      return;
    }
    viewTakenAt = now;
    changed = false;
    if (viewVersion != scheduler.version()) {
      // the keys and counts only when the watches changed: copying 100,000 keys every second
      // would take the verticle's time for nothing
      viewVersion = scheduler.version();
      keysView = scheduler.keys(source);
      countsView = scheduler.credentialCounts(shared.partitionOf());
    }
    Map<String, PollingViews.Budget> budgets = new HashMap<>();
    pollers.forEach(
        (id, poller) ->
            budgets.put(
                id,
                new PollingViews.Budget(
                    poller.budget().available(), poller.budget().pausedUntil())));
    shared
        .views()
        .publish(
            source,
            new PollingViews.View(
                keysView,
                countsView,
                scheduler.maxStaleness(source, shared.clock().instant()),
                Map.copyOf(budgets)));
  }
}
