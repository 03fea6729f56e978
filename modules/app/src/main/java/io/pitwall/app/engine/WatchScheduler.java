package io.pitwall.app.engine;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.schedule.PollScheduler;
import io.pitwall.core.schedule.SchedulingMode;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.WatchResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's side of the {@link PollScheduler}: the watches' definitions by key, credential ids
 * ({@code <source>/<name>}), each credential's share of the poll slots, and the translation of poll
 * results into the scheduler's reports.
 *
 * <p>Not thread-safe, and without a lock: each {@link PollingVerticle} owns one (its source's
 * credential pool) on its own context, and everything else reaches it by messages to that verticle.
 */
final class WatchScheduler {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(WatchScheduler.class);

  /** A request to make: the scheduler's dispatch and the definitions of its watches. */
  record Batch(PollScheduler.Dispatch dispatch, List<WatchDefinition> watches) {}

  private final PollScheduler scheduler;
  private final Duration interval;
  private final PollSlots slots;
  private final Map<WatchKey, WatchDefinition> specs = new HashMap<>();

  /** See {@link #version()}. */
  private long version;

  private final Map<WatchKey, String> assigned = new HashMap<>();
  private final List<PollScheduler.Dispatch> waiting = new ArrayList<>();

  /**
   * @param interval the default minimum interval, the unit of back-off after a watch's trouble
   * @param slots polls in flight at once ({@code poll.concurrency}), shared out per source and
   *     credential ({@link PollSlots})
   */
  WatchScheduler(PollScheduler scheduler, Duration interval, int slots) {
    this(scheduler, interval, () -> slots);
  }

  /**
   * @param interval the default minimum interval, the unit of back-off after a watch's trouble
   * @param slots the polls this scheduler may have in flight at once, asked at every decision (a
   *     source's share of {@code poll.concurrency} changes with the sources that have watches)
   */
  WatchScheduler(PollScheduler scheduler, Duration interval, java.util.function.IntSupplier slots) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.slots = new PollSlots(slots);
  }

  /**
   * The configured scheduler ({@code schedule.mode}, {@code schedule.prior.changes}, {@code
   * poll.interval}, {@code poll.max.interval}) over the budgets of the given credentials.
   *
   * @param pollers each credential's poller, by credential id
   * @param slots the polls it may have in flight at once, asked at every decision
   */
  static WatchScheduler of(
      PitwallConfig config,
      Map<String, SourcePoller> pollers,
      java.util.function.IntSupplier slots) {
    PollScheduler scheduler =
        new PollScheduler(
            config.value(PitwallSettings.SCHEDULE_MODE, SchedulingMode.class),
            config.duration(PitwallSettings.POLL_INTERVAL),
            config.duration(PitwallSettings.POLL_MAX_INTERVAL),
            config.value(PitwallSettings.SCHEDULE_PRIOR_CHANGES, Double.class));
    pollers.forEach(
        (id, poller) ->
            scheduler.addCredential(poller.source(), id, poller.budget(), poller.batchSize()));
    return new WatchScheduler(scheduler, config.duration(PitwallSettings.POLL_INTERVAL), slots);
  }

  /** The credential id of a source's credential name. */
  static String credentialId(String source, String name) {
    return source + "/" + name;
  }

  /**
   * Adds a watch, or replaces a watch's definition keeping its schedule and history. A credential
   * its source implies (PSN's {@code psn:me}) was set by the watch parser.
   *
   * @throws IllegalArgumentException when its credential is not configured
   */
  void upsert(WatchDefinition watch, Instant now) {
    version++;
    WatchKey key = watch.key();
    String name = watch.credential();
    scheduler.put(
        key,
        name == null ? null : credentialId(key.source(), name),
        watch.minInterval(),
        watch.maxInterval(),
        now);
    specs.put(key, watch);
    String previous = assigned.put(key, scheduler.credentialOf(key));
    if (previous != null) {
      slots.unassigned(previous);
    }
    slots.assigned(key.source(), assigned.get(key));
  }

  /** Stops scheduling a watch; returns whether it was scheduled. */
  boolean remove(WatchKey key) {
    version++;
    specs.remove(key);
    String credential = assigned.remove(key);
    if (credential != null) {
      slots.unassigned(credential);
    }
    return scheduler.remove(key);
  }

  /**
   * The requests to make now, each holding a slot of its credential's share until {@link #release}.
   * A due request whose credential's share is full waits (its watches stay in flight, so the
   * scheduler does not hand them out twice) and goes first once a slot of its share frees: a hung
   * upstream fills only its own share, and the other sources keep polling.
   */
  List<Batch> takeDue(Instant now) {
    List<PollScheduler.Dispatch> due = new ArrayList<>(waiting);
    waiting.clear();
    Map<String, Integer> queued = new HashMap<>();
    due.forEach(d -> queued.merge(d.credential(), 1, Integer::sum));
    // only as many new requests as free slots: with a large budget (a bucket's burst, a lifted
    // budget) the scheduler would otherwise decide far ahead, and those decisions would wait here
    // in the order they were made while newer watches and changes arrived
    due.addAll(
        scheduler.next(
            now,
            credential ->
                Math.max(
                    0,
                    slots.share(credential)
                        - slots.inFlight(credential)
                        - queued.getOrDefault(credential, 0))));
    List<Batch> batches = new ArrayList<>();
    for (PollScheduler.Dispatch dispatch : due) {
      List<WatchDefinition> watches =
          dispatch.watches().stream().map(specs::get).filter(w -> w != null).toList();
      if (watches.isEmpty()) {
        scheduler.done(dispatch, List.of(), now);
      } else if (slots.tryAcquire(watches.get(0).key().source(), dispatch.credential())) {
        batches.add(new Batch(dispatch, watches));
      } else {
        waiting.add(dispatch);
      }
    }
    return batches;
  }

  /** A request taken from {@link #takeDue} ended (however it ended): its slot is free. */
  void release(Batch batch) {
    slots.release(batch.dispatch().credential());
  }

  /**
   * A request finished: its results become the scheduler's reports. Returns how stale each
   * successfully polled watch was.
   *
   * @param budget the budget of the credential that made the request (for a 429's pause)
   */
  Map<WatchKey, Duration> done(
      Batch batch, List<WatchResult> results, Instant now, TokenBucket budget) {
    List<PollScheduler.Report> reports = new ArrayList<>();
    for (WatchResult r : results) {
      WatchKey key = r.watch().key();
      reports.add(
          r.outcome() == PollOutcome.OK
              ? PollScheduler.Report.ok(key, changeTimes(r, now), r.history())
              : PollScheduler.Report.failed(key, retryAt(r.outcome(), budget, interval, now)));
    }
    Map<WatchKey, Duration> refreshed = scheduler.done(batch.dispatch(), reports, now);
    String credential = batch.dispatch().credential();
    if (results.stream().anyMatch(r -> r.outcome() == PollOutcome.OK)) {
      scheduler.credentialAlive(credential);
    } else if (results.stream().anyMatch(r -> r.outcome() == PollOutcome.AUTH_EXPIRED)) {
      moveOffDeadCredential(credential);
    }
    return refreshed;
  }

  /**
   * A credential's sign-in was refused: the watches spread to it move to the live members of its
   * pool, so that one expired npsso or revoked key in a pool loses none of their changes.
   */
  private void moveOffDeadCredential(String credential) {
    List<WatchKey> moved = scheduler.credentialDead(credential);
    version += moved.size();
    for (WatchKey key : moved) {
      String now = scheduler.credentialOf(key);
      String previous = assigned.put(key, now);
      if (previous != null) {
        slots.unassigned(previous);
      }
      slots.assigned(key.source(), now);
    }
    if (!moved.isEmpty()) {
      LOG.warn(
          "Credential {} was refused: its {} spread watches move to the live members of its pool",
          credential,
          moved.size());
    }
  }

  /**
   * When the changes a poll found happened: the upstream's event time where it gives one (now minus
   * the event's lag), else now. The initial baseline's backfill does not count as activity.
   */
  private static List<Instant> changeTimes(WatchResult result, Instant now) {
    if (result.baseline()) {
      return List.of();
    }
    List<Instant> times = new ArrayList<>();
    result.lags().forEach(lag -> times.add(now.minus(lag)));
    for (int i = times.size(); i < result.events().size(); i++) {
      times.add(now);
    }
    return times;
  }

  /**
   * When a watch that failed this way may be polled again: at the server's hint after a 429, four
   * minimum intervals later when the account or credential is in trouble (not found, private, auth
   * expired), else when the schedule decides (null).
   */
  static Instant retryAt(PollOutcome outcome, TokenBucket budget, Duration interval, Instant now) {
    return switch (outcome) {
      case RATE_LIMITED -> budget.pausedUntil();
      case AUTH_EXPIRED, NOT_FOUND, PRIVATE -> now.plus(interval.multipliedBy(4));
      default -> null;
    };
  }

  /** The stalest watch of a source. */
  Duration maxStaleness(String source, Instant now) {
    return scheduler.maxStaleness(source, now);
  }

  /** The keys of one source's watches. */
  List<String> keys(String source) {
    return scheduler.keys(source).stream().map(WatchKey::toString).toList();
  }

  /**
   * A number that changes whenever the watches or their credentials changed (views of them need
   * rebuilding only then).
   */
  long version() {
    return version;
  }

  /**
   * How many scheduled watches each credential has per partition: what this instance tells the
   * fleet, so that every instance can compute its share of each credential's budget.
   */
  Map<String, Map<Integer, Integer>> credentialCounts(
      java.util.function.ToIntFunction<WatchKey> partitionOf) {
    Map<String, Map<Integer, Integer>> counts = new java.util.HashMap<>();
    assigned.forEach(
        (key, credential) ->
            counts
                .computeIfAbsent(credential, c -> new java.util.HashMap<>())
                .merge(partitionOf.applyAsInt(key), 1, Integer::sum));
    return counts;
  }

  /** The keys of the scheduled watches that match (a copy). */
  List<WatchKey> keysWhere(java.util.function.Predicate<WatchKey> test) {
    return specs.keySet().stream().filter(test).toList();
  }

  /** Number of watches. */
  int size() {
    return scheduler.size();
  }
}
