package io.pitwall.app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine's other threads (metrics, /health, the fleet's budget shares) may read of the
 * polling verticles: each verticle's latest {@link View}, an immutable snapshot it publishes from
 * its own context after its watches changed and at least every second. Readers never touch a
 * verticle's scheduler or buckets, so the polling path needs no lock.
 */
final class PollingViews {

  /** One credential's budget as its verticle last saw it. */
  record Budget(int available, Instant pausedUntil) {
    static final Budget NONE = new Budget(0, null);
  }

  /**
   * A verticle's snapshot.
   *
   * @param keys its watches' keys
   * @param counts scheduled watches per credential id and watches-topic partition
   * @param maxStaleness its stalest watch when the snapshot was taken
   * @param budgets each credential's budget, by credential id
   */
  record View(
      List<String> keys,
      Map<String, Map<Integer, Integer>> counts,
      Duration maxStaleness,
      Map<String, Budget> budgets) {
    static final View EMPTY = new View(List.of(), Map.of(), Duration.ZERO, Map.of());
  }

  private final int concurrency;
  private final Map<String, View> views = new ConcurrentHashMap<>();

  /**
   * @param concurrency {@code poll.concurrency}, shared out among the sources with watches
   */
  PollingViews(int concurrency) {
    this.concurrency = concurrency;
  }

  /** A verticle publishes its snapshot (called on its context). */
  void publish(String source, View view) {
    views.put(source, view);
  }

  /** The source's snapshot (empty before its verticle published one). */
  View of(String source) {
    return views.getOrDefault(source, View.EMPTY);
  }

  /** A credential's budget, by credential id ({@code <source>/<name>}). */
  Budget budget(String credentialId) {
    String source = credentialId.substring(0, credentialId.indexOf('/'));
    return of(source).budgets().getOrDefault(credentialId, Budget.NONE);
  }

  /** The keys of one source's watches. */
  List<String> keys(String source) {
    return of(source).keys();
  }

  /** The stalest watch of a source. */
  Duration maxStaleness(String source) {
    return of(source).maxStaleness();
  }

  /** Number of watches of every source. */
  int size() {
    int size = 0;
    for (View view : views.values()) {
      size += view.keys().size();
    }
    return size;
  }

  /** Scheduled watches per credential id and partition, of every source. */
  Map<String, Map<Integer, Integer>> credentialCounts() {
    Map<String, Map<Integer, Integer>> counts = new HashMap<>();
    views.values().forEach(v -> counts.putAll(v.counts()));
    return counts;
  }

  /**
   * A source's share of {@code poll.concurrency}: an equal part for each source with watches (at
   * least one slot; remainders to the earlier sources by id), so that a hung upstream fills only
   * its own share.
   */
  int slots(String source) {
    TreeSet<String> active = new TreeSet<>();
    views.forEach(
        (id, view) -> {
          if (!view.keys().isEmpty()) {
            active.add(id);
          }
        });
    active.add(source);
    List<String> order = new ArrayList<>(active);
    int index = order.indexOf(source);
    int parts = order.size();
    return Math.max(1, concurrency / parts + (index < concurrency % parts ? 1 : 0));
  }
}
