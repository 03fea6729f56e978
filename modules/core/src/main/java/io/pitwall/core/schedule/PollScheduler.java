package io.pitwall.core.schedule;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Decides which watches get the next upstream requests. Pure: time comes in as arguments and the
 * budgets are {@link TokenBucket}s on the caller's clock, so tests drive it with a virtual clock.
 *
 * <p>Each source has one or more credentials (a pool), each with its own budget; a watch names its
 * credential or is spread over the pool (to the member with the fewest watches). A credential is
 * offered work only while its bucket holds more tokens than it has requests in flight, so a pool
 * never exceeds any member's budget, and a bucket paused by a 429 hint gets nothing until exactly
 * the hinted instant. One request carries up to the credential's batch size of watches (16 for
 * gtgridstats); a batch is filled with the most valuable eligible watches, then with the most
 * valuable others that may ride along for free.
 *
 * <p>A watch is eligible when its minimum interval has passed since its last attempt and no retry
 * pause holds it. Among eligible watches, {@link SchedulingMode#ADAPTIVE} orders:
 *
 * <ol>
 *   <li>watches whose staleness bound (maximum interval since their last successful poll) is at
 *       risk, earliest deadline first: a watch is at risk when the budget, spent on watches with
 *       earlier deadlines first, would reach it too late;
 *   <li>never-polled watches, oldest first (after a restart this spreads the catch-up at the
 *       budget's pace rather than bursting), where the watches of one burst of additions count as
 *       equally old and go in a spread of their keys;
 *   <li>the rest by expected backlog of undetected change, rate × (time since seen)²: the index
 *       policy that minimises mean detection lag, with the rate from recent activity ({@link
 *       ActivityEstimate}).
 * </ol>
 *
 * {@link SchedulingMode#ADAPTIVE} keeps each credential's watches in an index ({@link
 * CredentialIndex}) so that a decision costs O(log n), with two bounded approximations (a backlog
 * pick within 5 % of the best, the budget pace of the at-risk test rounded up by at most 2 %);
 * {@link SchedulingMode#ADAPTIVE_EXACT} ranks the same tiers exactly by a pass over every watch in
 * every round ({@link Ranking}), the reference. {@link SchedulingMode#ROUND_ROBIN}, the baseline,
 * orders by least recently attempted.
 *
 * <p>Not thread-safe, and without a lock: the engine confines each scheduler to the context of one
 * polling verticle (one source's credential pool), which alone calls it.
 */
public final class PollScheduler {

  /** The watches of one request, for one credential. */
  public record Dispatch(String credential, List<WatchKey> watches) {

    public Dispatch {
      watches = List.copyOf(watches);
    }
  }

  /**
   * How one watch's poll ended.
   *
   * @param key the watch
   * @param ok whether the poll succeeded (the watch is fresh again)
   * @param changes the times of the changes it detected (upstream event times where given)
   * @param retryAt when a failed watch may be tried again; null for as soon as eligible
   * @param history earlier change times the poll revealed (PSN: titles' last updates), counted only
   *     on a watch's first successful poll, as the first estimate of its activity
   */
  public record Report(
      WatchKey key, boolean ok, List<Instant> changes, Instant retryAt, List<Instant> history) {

    public Report {
      changes = List.copyOf(changes);
      history = List.copyOf(history);
    }

    /** A successful poll that saw changes at these times (none: an empty list). */
    public static Report ok(WatchKey key, List<Instant> changes) {
      return ok(key, changes, List.of());
    }

    /** A successful poll that saw changes, and revealed earlier ones. */
    public static Report ok(WatchKey key, List<Instant> changes, List<Instant> history) {
      return new Report(key, true, changes, null, history);
    }

    /** A failed poll, tried again no sooner than {@code retryAt} (null: when eligible). */
    public static Report failed(WatchKey key, Instant retryAt) {
      return new Report(key, false, List.of(), retryAt, List.of());
    }
  }

  /**
   * Safety factor on the measured tokens per request when checking whether deadlines are at risk (a
   * request may cost more than the average: a changed title costs one more).
   */
  static final double COST_MARGIN = 1.1;

  /** Tokens per request assumed before a credential has made {@link #COST_SAMPLE} requests. */
  static final double INITIAL_COST = 1.5;

  static final int COST_SAMPLE = 50;

  /**
   * Changes a week assumed for every watch on top of those it showed, unless configured: on the
   * scheduling benchmark (5,000 PSN accounts at one identity's budget) it keeps the p99 detection
   * latency within round-robin's, which 6 does not (the README has both runs).
   */
  public static final double DEFAULT_PRIOR_CHANGES = 12.0;

  private final SchedulingMode mode;
  private final Duration defaultMin;
  private final Duration defaultMax;
  private final double priorChanges;
  private final Map<String, CredentialState> credentials = new LinkedHashMap<>();
  private final Map<WatchKey, ScheduledWatch> watches = new LinkedHashMap<>();

  /** The next watch's place in the order of addition (which breaks ties between watches). */
  private long nextSequence;

  /** Which additions arrived together (never-polled watches of one burst count as equally old). */
  private final ArrivalBursts bursts = new ArrivalBursts();

  /** The latest time given to any method (the index's slots are decided against it). */
  private Instant latest;

  /** A scheduler with the {@link #DEFAULT_PRIOR_CHANGES default prior}. */
  public PollScheduler(SchedulingMode mode, Duration defaultMin, Duration defaultMax) {
    this(mode, defaultMin, defaultMax, DEFAULT_PRIOR_CHANGES);
  }

  /**
   * @param mode adaptive or round-robin
   * @param defaultMin minimum time between two attempts on a watch, unless it sets its own
   * @param defaultMax staleness bound of a watch, unless it sets its own
   * @param priorChanges changes a week assumed for every watch on top of those it showed (adaptive
   *     mode): larger spreads polls more evenly (better p99), smaller follows activity more closely
   *     (better p50)
   */
  public PollScheduler(
      SchedulingMode mode, Duration defaultMin, Duration defaultMax, double priorChanges) {
    if (defaultMax.compareTo(defaultMin) < 0) {
      throw new IllegalArgumentException("the maximum interval is below the minimum");
    }
    if (!(priorChanges > 0) || Double.isInfinite(priorChanges)) {
      throw new IllegalArgumentException("the prior must be a positive number of changes");
    }
    this.mode = mode;
    this.defaultMin = defaultMin;
    this.defaultMax = defaultMax;
    this.priorChanges = priorChanges;
  }

  /**
   * Adds a credential to its source's pool.
   *
   * @param source the source it authenticates to
   * @param id unique id, e.g. {@code psn/default}
   * @param budget its own bucket
   * @param batchSize watches per request (1, or 16 for gtgridstats)
   */
  public void addCredential(String source, String id, TokenBucket budget, int batchSize) {
    if (credentials.containsKey(id) || batchSize < 1) {
      throw new IllegalArgumentException("duplicate credential or bad batch size: " + id);
    }
    credentials.put(
        id,
        new CredentialState(
            id,
            source,
            budget,
            batchSize,
            mode.indexed() ? new CredentialIndex(priorChanges) : null));
  }

  /**
   * Adds a watch or updates one (keeping its history).
   *
   * @param credential the credential id to use, or null to spread it over the source's pool
   * @param min its minimum interval, or null for the default
   * @param max its staleness bound, or null for the default
   * @throws IllegalArgumentException when the credential is unknown or not the watch's source's
   */
  public void put(WatchKey key, String credential, Duration min, Duration max, Instant now) {
    CredentialState chosen = choose(key.source(), credential);
    tick(now);
    ScheduledWatch entry = watches.get(key);
    if (entry == null) {
      entry = new ScheduledWatch(key, now, bursts.arrival(now), priorChanges, nextSequence++);
      watches.put(key, entry);
    } else {
      detach(entry);
      entry.credential.watchCount--;
      entry.credential.members.remove(entry.sequence);
    }
    entry.credential = chosen;
    chosen.members.put(entry.sequence, entry);
    entry.pinned = credential != null;
    chosen.watchCount++;
    entry.min = min == null ? defaultMin : min;
    entry.max = max == null ? defaultMax : max;
    if (entry.max.compareTo(entry.min) < 0) {
      entry.max = entry.min;
    }
    attach(entry, now);
  }

  /**
   * A credential failed authentication (its npsso or key was rejected): it takes no more spread
   * watches, and those spread to it move to the live members of its pool (the one with the fewest
   * watches each), due at once. Watches that named it stay (they fail by name). With no live member
   * left nothing moves.
   *
   * @return the watches that moved
   */
  public List<WatchKey> credentialDead(String id) {
    CredentialState dead = credentials.get(id);
    if (dead == null) {
      return List.of();
    }
    dead.dead = true;
    List<WatchKey> moved = new ArrayList<>();
    for (ScheduledWatch e : watches.values()) {
      if (e.credential != dead || e.pinned) {
        continue;
      }
      CredentialState live = leastLoaded(dead.source, true);
      if (live == null || live.dead) {
        break;
      }
      detach(e);
      dead.watchCount--;
      dead.members.remove(e.sequence);
      e.credential = live;
      live.members.put(e.sequence, e);
      live.watchCount++;
      e.retryAt = null;
      attach(e, latest);
      moved.add(e.key);
    }
    return moved;
  }

  /** A credential authenticated again: spread watches may go to it again. */
  public void credentialAlive(String id) {
    CredentialState c = credentials.get(id);
    if (c != null) {
      c.dead = false;
    }
  }

  /** Stops scheduling a watch; returns whether it was scheduled. */
  public boolean remove(WatchKey key) {
    ScheduledWatch removed = watches.remove(key);
    if (removed != null) {
      detach(removed);
      removed.credential.watchCount--;
      removed.credential.members.remove(removed.sequence);
    }
    return removed != null;
  }

  /** The requests to make now, their watches marked in flight until {@link #done}. */
  public List<Dispatch> next(Instant now) {
    return next(now, credential -> Integer.MAX_VALUE);
  }

  /**
   * The requests to make now, at most {@code room} of them for each credential (the caller's free
   * poll slots: a request decided now but made later would be made on a stale decision), their
   * watches marked in flight until {@link #done}.
   *
   * @param room how many requests a credential (by id) can start now
   */
  public List<Dispatch> next(Instant now, ToIntFunction<String> room) {
    tick(now);
    List<Dispatch> dispatches = new ArrayList<>();
    for (CredentialState credential : credentials.values()) {
      int requests =
          Math.min(
              credential.budget.available() - credential.inFlight, room.applyAsInt(credential.id));
      if (requests <= 0) {
        continue;
      }
      CredentialIndex index = credential.index;
      if (index != null) {
        List<ScheduledWatch> ranked = index.rank(credential, requests, now);
        if (!ranked.isEmpty()) {
          dispatches.addAll(
              credential.dispatch(
                  ranked, (taken, limit) -> index.topUp(limit, now), requests, now));
        }
        continue;
      }
      List<ScheduledWatch> idle = new ArrayList<>();
      for (ScheduledWatch e : credential.members.values()) {
        if (!e.inFlight && !e.held(now)) {
          idle.add(e);
        }
      }
      List<ScheduledWatch> eligible = idle.stream().filter(e -> e.eligible(now)).toList();
      if (eligible.isEmpty()) {
        continue;
      }
      List<ScheduledWatch> ranked =
          mode == SchedulingMode.ROUND_ROBIN
              ? Ranking.roundRobin(eligible)
              : Ranking.adaptive(eligible, idle, credential, requests, now);
      dispatches.addAll(credential.dispatch(ranked, idle, requests, now));
    }
    return dispatches;
  }

  /**
   * A request finished. Returns, for each watch that was polled successfully, how stale it was: the
   * time since its previous successful poll (or since it was added).
   */
  public Map<WatchKey, Duration> done(Dispatch dispatch, List<Report> reports, Instant now) {
    CredentialState credential = credentials.get(dispatch.credential());
    if (credential != null) {
      credential.inFlight = Math.max(0, credential.inFlight - 1);
    }
    tick(now);
    Map<WatchKey, Duration> refreshed = new LinkedHashMap<>();
    List<ScheduledWatch> touched = new ArrayList<>();
    for (Report report : reports) {
      ScheduledWatch e = watches.get(report.key());
      if (e == null) {
        continue;
      }
      detach(e);
      touched.add(e);
      e.inFlight = false;
      if (report.ok()) {
        refreshed.put(e.key, Duration.between(e.seen(), now));
        if (e.lastOk == null) {
          report.history().forEach(t -> e.activity.record(t, now));
        }
        e.lastOk = now;
        e.retryAt = null;
        report.changes().forEach(t -> e.activity.record(t, now));
      } else {
        e.retryAt = report.retryAt();
      }
    }
    for (WatchKey key : dispatch.watches()) {
      ScheduledWatch e = watches.get(key);
      if (e != null) {
        detach(e);
        touched.add(e);
        e.inFlight = false;
      }
    }
    for (ScheduledWatch e : touched) {
      if (e.slot == ScheduledWatch.Slot.NONE) { // once each, though reported and dispatched
        attach(e, now);
      }
    }
    return refreshed;
  }

  /** The stalest watch of a source: the longest time since a successful poll (or being added). */
  public Duration maxStaleness(String source, Instant now) {
    return watches.values().stream()
        .filter(e -> e.key.source().equals(source))
        .map(e -> Duration.between(e.seen(), now))
        .max(Comparator.naturalOrder())
        .orElse(Duration.ZERO);
  }

  /** The watches of a source. */
  public List<WatchKey> keys(String source) {
    return watches.keySet().stream().filter(k -> k.source().equals(source)).toList();
  }

  /** The credential a watch is assigned to, or null when it is not scheduled. */
  public String credentialOf(WatchKey key) {
    ScheduledWatch e = watches.get(key);
    return e == null ? null : e.credential.id;
  }

  /** The credential ids of a source's pool. */
  public Set<String> credentials(String source) {
    Set<String> ids = new LinkedHashSet<>();
    credentials.values().stream().filter(c -> c.source.equals(source)).forEach(c -> ids.add(c.id));
    return ids;
  }

  /** A credential's state (for tests in this package). */
  CredentialState credentialState(String id) {
    return credentials.get(id);
  }

  /** A watch's entry (for tests in this package). */
  ScheduledWatch watch(WatchKey key) {
    return watches.get(key);
  }

  /** Number of watches. */
  public int size() {
    return watches.size();
  }

  /** Takes a watch out of its credential's index (adaptive mode) before its fields change. */
  private static void detach(ScheduledWatch e) {
    if (e.credential != null && e.credential.index != null) {
      e.credential.index.detach(e);
    }
  }

  /** Puts a watch back into its credential's index (adaptive mode) after its fields changed. */
  private static void attach(ScheduledWatch e, Instant now) {
    if (e.credential.index != null) {
      e.credential.index.attach(e, now);
    }
  }

  private void tick(Instant now) {
    if (now != null && (latest == null || now.isAfter(latest))) {
      latest = now;
    }
  }

  private CredentialState choose(String source, String requested) {
    if (requested != null) {
      CredentialState c = credentials.get(requested);
      if (c == null || !c.source.equals(source)) {
        throw new IllegalArgumentException(
            "unknown credential " + requested + " for source " + source);
      }
      return c;
    }
    CredentialState chosen = leastLoaded(source, true);
    if (chosen == null) {
      throw new IllegalArgumentException("no credential configured for " + source);
    }
    return chosen;
  }

  /** The pool member with the fewest watches, live ones first; null for an empty pool. */
  private CredentialState leastLoaded(String source, boolean preferLive) {
    return credentials.values().stream()
        .filter(c -> c.source.equals(source))
        .min(
            Comparator.<CredentialState>comparingInt(c -> preferLive && c.dead ? 1 : 0)
                .thenComparingInt(c -> c.watchCount))
        .orElse(null);
  }
}
