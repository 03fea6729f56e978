package io.pitwall.core.schedule;

import io.pitwall.core.Source;
import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *       budget's pace rather than bursting);
 *   <li>the rest by expected backlog of undetected change, rate × (time since seen)²: the index
 *       policy that minimises mean detection lag, with the rate from recent activity ({@link
 *       ActivityEstimate}).
 * </ol>
 *
 * {@link SchedulingMode#ROUND_ROBIN}, the baseline, orders by least recently attempted.
 * Thread-safe.
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

  private final SchedulingMode mode;
  private final Duration defaultMin;
  private final Duration defaultMax;
  private final Map<String, Credential> credentials = new LinkedHashMap<>();
  private final Map<WatchKey, Entry> watches = new LinkedHashMap<>();

  /**
   * @param mode adaptive or round-robin
   * @param defaultMin minimum time between two attempts on a watch, unless it sets its own
   * @param defaultMax staleness bound of a watch, unless it sets its own
   */
  public PollScheduler(SchedulingMode mode, Duration defaultMin, Duration defaultMax) {
    if (defaultMax.compareTo(defaultMin) < 0) {
      throw new IllegalArgumentException("the maximum interval is below the minimum");
    }
    this.mode = mode;
    this.defaultMin = defaultMin;
    this.defaultMax = defaultMax;
  }

  /**
   * Adds a credential to its source's pool.
   *
   * @param source the source it authenticates to
   * @param id unique id, e.g. {@code psn/default}
   * @param budget its own bucket
   * @param batchSize watches per request (1, or 16 for gtgridstats)
   */
  public synchronized void addCredential(
      Source source, String id, TokenBucket budget, int batchSize) {
    if (credentials.containsKey(id) || batchSize < 1) {
      throw new IllegalArgumentException("duplicate credential or bad batch size: " + id);
    }
    credentials.put(id, new Credential(id, source, budget, batchSize));
  }

  /**
   * Adds a watch or updates one (keeping its history).
   *
   * @param credential the credential id to use, or null to spread it over the source's pool
   * @param min its minimum interval, or null for the default
   * @param max its staleness bound, or null for the default
   * @throws IllegalArgumentException when the credential is unknown or not the watch's source's
   */
  public synchronized void put(
      WatchKey key, String credential, Duration min, Duration max, Instant now) {
    Credential chosen = choose(key.source(), credential);
    Entry entry = watches.get(key);
    if (entry == null) {
      entry = new Entry(key, now);
      watches.put(key, entry);
    } else {
      entry.credential.watchCount--;
    }
    entry.credential = chosen;
    chosen.watchCount++;
    entry.min = min == null ? defaultMin : min;
    entry.max = max == null ? defaultMax : max;
    if (entry.max.compareTo(entry.min) < 0) {
      entry.max = entry.min;
    }
  }

  /** Stops scheduling a watch; returns whether it was scheduled. */
  public synchronized boolean remove(WatchKey key) {
    Entry removed = watches.remove(key);
    if (removed != null) {
      removed.credential.watchCount--;
    }
    return removed != null;
  }

  /** The requests to make now, their watches marked in flight until {@link #done}. */
  public synchronized List<Dispatch> next(Instant now) {
    List<Dispatch> dispatches = new ArrayList<>();
    for (Credential credential : credentials.values()) {
      int requests = credential.budget.available() - credential.inFlight;
      if (requests <= 0) {
        continue;
      }
      List<Entry> idle = new ArrayList<>();
      for (Entry e : watches.values()) {
        if (e.credential == credential && !e.inFlight && !e.held(now)) {
          idle.add(e);
        }
      }
      List<Entry> eligible = idle.stream().filter(e -> e.eligible(now)).toList();
      if (eligible.isEmpty()) {
        continue;
      }
      List<Entry> ranked =
          mode == SchedulingMode.ROUND_ROBIN
              ? roundRobin(eligible)
              : adaptive(eligible, idle, credential, requests, now);
      dispatches.addAll(dispatch(credential, ranked, idle, requests, now));
    }
    return dispatches;
  }

  /**
   * A request finished. Returns, for each watch that was polled successfully, how stale it was: the
   * time since its previous successful poll (or since it was added).
   */
  public synchronized Map<WatchKey, Duration> done(
      Dispatch dispatch, List<Report> reports, Instant now) {
    Credential credential = credentials.get(dispatch.credential());
    if (credential != null) {
      credential.inFlight = Math.max(0, credential.inFlight - 1);
    }
    Map<WatchKey, Duration> refreshed = new LinkedHashMap<>();
    for (Report report : reports) {
      Entry e = watches.get(report.key());
      if (e == null) {
        continue;
      }
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
      Entry e = watches.get(key);
      if (e != null) {
        e.inFlight = false;
      }
    }
    return refreshed;
  }

  /** The stalest watch of a source: the longest time since a successful poll (or being added). */
  public synchronized Duration maxStaleness(Source source, Instant now) {
    return watches.values().stream()
        .filter(e -> e.key.source() == source)
        .map(e -> Duration.between(e.seen(), now))
        .max(Comparator.naturalOrder())
        .orElse(Duration.ZERO);
  }

  /** The watches of a source. */
  public synchronized List<WatchKey> keys(Source source) {
    return watches.keySet().stream().filter(k -> k.source() == source).toList();
  }

  /** The credential a watch is assigned to, or null when it is not scheduled. */
  public synchronized String credentialOf(WatchKey key) {
    Entry e = watches.get(key);
    return e == null ? null : e.credential.id;
  }

  /** The credential ids of a source's pool. */
  public synchronized Set<String> credentials(Source source) {
    Set<String> ids = new LinkedHashSet<>();
    credentials.values().stream().filter(c -> c.source == source).forEach(c -> ids.add(c.id));
    return ids;
  }

  /** Number of watches. */
  public synchronized int size() {
    return watches.size();
  }

  private Credential choose(Source source, String requested) {
    if (requested != null) {
      Credential c = credentials.get(requested);
      if (c == null || c.source != source) {
        throw new IllegalArgumentException(
            "unknown credential " + requested + " for source " + source.id());
      }
      return c;
    }
    return credentials.values().stream()
        .filter(c -> c.source == source)
        .min(Comparator.comparingInt(c -> c.watchCount))
        .orElseThrow(
            () -> new IllegalArgumentException("no credential configured for " + source.id()));
  }

  private static List<Entry> roundRobin(List<Entry> eligible) {
    return eligible.stream()
        .sorted(
            Comparator.comparing(
                    (Entry e) -> e.lastAttempt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.added))
        .toList();
  }

  private List<Entry> adaptive(
      List<Entry> eligible, List<Entry> idle, Credential credential, int requests, Instant now) {
    Set<Entry> isEligible = new HashSet<>(eligible);
    Set<Entry> ranked = new LinkedHashSet<>();
    atRisk(idle, credential, requests, now).stream()
        .filter(isEligible::contains)
        .forEach(ranked::add);
    eligible.stream()
        .filter(e -> e.lastAttempt == null)
        .sorted(Comparator.comparing(e -> e.added))
        .forEach(ranked::add);
    byBacklog(eligible.stream().filter(e -> !ranked.contains(e)).toList(), now)
        .forEach(ranked::add);
    return new ArrayList<>(ranked);
  }

  /** Most valuable first: highest expected backlog of undetected change. */
  private static List<Entry> byBacklog(List<Entry> entries, Instant now) {
    Map<Entry, Double> backlog = new HashMap<>();
    entries.forEach(e -> backlog.put(e, e.backlog(now)));
    return entries.stream()
        .sorted(Comparator.comparingDouble((Entry e) -> backlog.get(e)).reversed())
        .toList();
  }

  /**
   * The watches whose staleness bound is at risk, earliest deadline first: sorted by deadline, the
   * k-th watch is reached after (k+1) polls; with {@code requests} tokens ready now and the
   * bucket's refill after that, at the credential's measured tokens per request (with a {@link
   * #COST_MARGIN}), a watch is at risk when that time comes within a twentieth of its bound of its
   * deadline. Every watch up to the last one at risk is returned, since all of them must go first
   * for that one to make it.
   */
  private static List<Entry> atRisk(
      List<Entry> idle, Credential credential, int requests, Instant now) {
    List<Entry> byDeadline = idle.stream().sorted(Comparator.comparing(Entry::deadline)).toList();
    double watchesPerSecond =
        credential.budget.refillPerSecond()
            * credential.batchSize
            / (COST_MARGIN * credential.tokensPerRequest());
    double ready = (double) requests * credential.batchSize;
    int last = -1;
    for (int k = 0; k < byDeadline.size(); k++) {
      Entry e = byDeadline.get(k);
      double reachedIn = Math.max(0, k + 1 - ready) / watchesPerSecond;
      double margin = e.max.toMillis() / 20_000.0;
      double left = Duration.between(now, e.deadline()).toMillis() / 1000.0;
      if (left <= reachedIn + margin) {
        last = k;
      }
    }
    return byDeadline.subList(0, last + 1);
  }

  private static List<Dispatch> dispatch(
      Credential credential, List<Entry> ranked, List<Entry> idle, int requests, Instant now) {
    List<Dispatch> out = new ArrayList<>();
    int size = credential.batchSize;
    int index = 0;
    for (int r = 0; r < requests && index < ranked.size(); r++) {
      List<Entry> batch =
          new ArrayList<>(ranked.subList(index, Math.min(ranked.size(), index + size)));
      index += batch.size();
      if (batch.size() < size && index >= ranked.size()) {
        Set<Entry> taken = new HashSet<>(ranked);
        byBacklog(idle.stream().filter(e -> !taken.contains(e) && !e.inFlight).toList(), now)
            .stream()
            .limit(size - batch.size())
            .forEach(batch::add);
      }
      for (Entry e : batch) {
        e.inFlight = true;
        e.lastAttempt = now;
      }
      credential.inFlight++;
      credential.dispatched++;
      out.add(new Dispatch(credential.id, batch.stream().map(e -> e.key).toList()));
    }
    return out;
  }

  private static final class Credential {
    final String id;
    final Source source;
    final TokenBucket budget;
    final int batchSize;
    final long takenAtStart;
    int inFlight;
    int watchCount;
    long dispatched;

    Credential(String id, Source source, TokenBucket budget, int batchSize) {
      this.id = id;
      this.source = source;
      this.budget = budget;
      this.batchSize = batchSize;
      this.takenAtStart = budget.taken();
    }

    /** Tokens a request has cost on average (requests that found a change cost more). */
    double tokensPerRequest() {
      if (dispatched < COST_SAMPLE) {
        return INITIAL_COST;
      }
      return Math.max(1.0, (budget.taken() - takenAtStart) / (double) dispatched);
    }
  }

  private static final class Entry {
    final WatchKey key;
    final Instant added;
    final ActivityEstimate activity;
    Credential credential;
    Duration min;
    Duration max;
    Instant lastAttempt;
    Instant lastOk;
    Instant retryAt;
    boolean inFlight;

    Entry(WatchKey key, Instant now) {
      this.key = key;
      this.added = now;
      this.activity = new ActivityEstimate(now);
    }

    /** When its data was last known fresh: the last successful poll, or when it was added. */
    Instant seen() {
      return lastOk == null ? added : lastOk;
    }

    Instant deadline() {
      return seen().plus(max);
    }

    boolean held(Instant now) {
      return retryAt != null && now.isBefore(retryAt);
    }

    boolean eligible(Instant now) {
      return lastAttempt == null || !now.isBefore(lastAttempt.plus(min));
    }

    /**
     * Expected accumulated detection lag of the changes not yet seen: rate × (time since seen)².
     */
    double backlog(Instant now) {
      double since = Math.max(0, Duration.between(seen(), now).toMillis() / 1000.0);
      return activity.ratePerSecond(now) * since * since;
    }
  }
}
