package io.pitwall.app.engine;

import io.pitwall.app.config.WatchSpec;
import io.pitwall.core.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which watches are due: each watch is polled every interval, never twice at once. New watches are
 * due at once, staggered a little so that a start does not send every first poll in the same
 * instant. Thread-safe.
 */
final class WatchScheduler {

  private static final Duration STAGGER = Duration.ofMillis(200);

  private final Map<String, Instant> nextDue = new LinkedHashMap<>();
  private final Map<String, WatchSpec> watches = new LinkedHashMap<>();
  private final Map<String, Boolean> inFlight = new LinkedHashMap<>();
  private final Map<String, Instant> freshSince = new LinkedHashMap<>();

  /**
   * Adds a watch, due at once; watches polled one by one are staggered a little, watches polled in
   * batches are not (they stay aligned so that due ones fill a batch together).
   */
  synchronized void add(WatchSpec watch, Instant now, boolean batched) {
    String key = watch.key().toString();
    watches.put(key, watch);
    freshSince.put(key, now);
    nextDue.put(key, batched ? now : now.plus(STAGGER.multipliedBy(watches.size() - 1L)));
  }

  /**
   * The due watches, now marked in flight. For a batched source, due watches are joined by the
   * soonest-due idle watches of the same source until the batch is full: a request that may carry
   * 16 drivers never leaves with fewer while others would be due shortly.
   *
   * @param now the time
   * @param batchSizes batch size by source
   */
  synchronized List<WatchSpec> takeDue(Instant now, Map<Source, Integer> batchSizes) {
    List<WatchSpec> due = new ArrayList<>();
    Map<Source, Integer> dueCount = new EnumMap<>(Source.class);
    for (Map.Entry<String, Instant> e : nextDue.entrySet()) {
      if (!e.getValue().isAfter(now) && !inFlight.getOrDefault(e.getKey(), false)) {
        inFlight.put(e.getKey(), true);
        WatchSpec watch = watches.get(e.getKey());
        due.add(watch);
        dueCount.merge(watch.key().source(), 1, Integer::sum);
      }
    }
    dueCount.forEach(
        (source, count) -> {
          int size = batchSizes.getOrDefault(source, 1);
          int missing = (size - count % size) % size;
          nextDue.entrySet().stream()
              .filter(
                  e ->
                      watches.get(e.getKey()).key().source() == source
                          && !inFlight.getOrDefault(e.getKey(), false))
              .sorted(Map.Entry.comparingByValue())
              .limit(missing)
              .forEach(
                  e -> {
                    inFlight.put(e.getKey(), true);
                    due.add(watches.get(e.getKey()));
                  });
        });
    return due;
  }

  /** Adds a watch, or replaces an existing watch's definition keeping its schedule. */
  synchronized void upsert(WatchSpec watch, Instant now, boolean batched) {
    String key = watch.key().toString();
    if (watches.containsKey(key)) {
      watches.put(key, watch);
    } else {
      add(watch, now, batched);
    }
  }

  /** Stops scheduling a watch; returns whether it was scheduled. */
  synchronized boolean remove(String key) {
    nextDue.remove(key);
    inFlight.remove(key);
    freshSince.remove(key);
    return watches.remove(key) != null;
  }

  /** The due watches (see {@link #takeDue}), grouped by source and cut into batches. */
  synchronized List<List<WatchSpec>> takeDueBatches(Instant now, Map<Source, Integer> batchSizes) {
    Map<Source, List<WatchSpec>> bySource = new EnumMap<>(Source.class);
    takeDue(now, batchSizes)
        .forEach(w -> bySource.computeIfAbsent(w.key().source(), s -> new ArrayList<>()).add(w));
    List<List<WatchSpec>> batches = new ArrayList<>();
    bySource.forEach(
        (source, watches) -> {
          int size = batchSizes.getOrDefault(source, 1);
          for (int i = 0; i < watches.size(); i += size) {
            batches.add(List.copyOf(watches.subList(i, Math.min(watches.size(), i + size))));
          }
        });
    return batches;
  }

  /** A poll finished; the watch is due again at {@code next} (unless it was removed meanwhile). */
  synchronized void done(WatchSpec watch, Instant next) {
    String key = watch.key().toString();
    if (!watches.containsKey(key)) {
      return;
    }
    inFlight.put(key, false);
    nextDue.put(key, next);
  }

  /**
   * A watch was polled successfully: its data is fresh again. Returns how stale it was, that is how
   * long since its previous successful poll (or since it was added); zero for an unknown watch.
   */
  synchronized Duration refreshed(WatchSpec watch, Instant now) {
    String key = watch.key().toString();
    Instant since = freshSince.get(key);
    if (since == null || !watches.containsKey(key)) {
      return Duration.ZERO;
    }
    freshSince.put(key, now);
    return Duration.between(since, now);
  }

  /**
   * The stalest watch of a source: the longest time since a watch's last successful poll (or since
   * it was added, if never); zero without watches.
   */
  synchronized Duration maxStaleness(Source source, Instant now) {
    return freshSince.entrySet().stream()
        .filter(e -> watches.get(e.getKey()).key().source() == source)
        .map(e -> Duration.between(e.getValue(), now))
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** The keys of one source's watches. */
  synchronized List<String> keys(Source source) {
    return watches.values().stream()
        .filter(w -> w.key().source() == source)
        .map(w -> w.key().toString())
        .toList();
  }

  synchronized int size() {
    return watches.size();
  }
}
